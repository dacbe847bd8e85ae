import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import type { UserView } from '../../api/pending-paths.ts';
import { EmployerAdvancesSection } from '../benefits/benefit-routes.tsx';
import { actsOnBenefits, readsBenefits } from '../benefits/benefit-roles.ts';
import { TitledSection } from '../titled-section.tsx';

/** /staff/employers/:employerId: an employer's registration facts, its staff (masked) and its bills. */
export function EmployerPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const employerId = useParams().employerId ?? '';
  const employer = useQuery({
    queryKey: ['staff', 'employer', employerId],
    queryFn: () => dataOf(() => api.GET('/api/employers/{employerId}', { params: { path: { employerId } } })),
  });
  usePageTitle(employer.data?.name ?? t('staffPages.employer.title'));
  if (employer.isPending) return <LoadingPage />;
  if (employer.isError)
    return (
      <div className="page">
        <Typography.Title level={1}>{t('staffPages.employer.title')}</Typography.Title>
        <ProblemAlert error={employer.error} describe={problemMessage} />
      </div>
    );
  const facts = employer.data;
  return (
    <div className="page">
      <Link to="/staff/search">{t('staffPages.common.backToSearch')}</Link>
      <Typography.Title level={1}>{facts.name}</Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('staffPages.employer.creditCode')}>{facts.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.common.region')}>{facts.regionCode}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.employer.industryClass')}>
          {facts.industryClass}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.employer.establishedOn')}>
          {facts.establishedOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.employer.registeredOn')}>
          {facts.registeredOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.employer.contact')}>
          {[facts.contactName, facts.contactPhone].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <EmployerStaff employerId={employerId} />
      <EmployerBills employerId={employerId} />
      {readsBenefits(user) && (
        <TitledSection id="employer-advances" title={t('staffPages.employer.advances')}>
          <Suspense fallback={<LoadingPage />}>
            <EmployerAdvancesSection employerId={facts.id} canRecord={actsOnBenefits(user)} />
          </Suspense>
        </TitledSection>
      )}
    </div>
  );
}

function EmployerStaff({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  const list = useCursorList(['staff', 'employer-staff', employerId], (cursor) =>
    dataOf(() =>
      api.GET('/api/employers/{employerId}/staff', {
        params: { path: { employerId }, query: cursor ? { cursor } : {} },
      }),
    ),
  );
  return (
    <section aria-labelledby="employer-staff">
      <Typography.Title level={2} id="employer-staff" className="section-title">
        {t('staffPages.employer.staff')}
      </Typography.Title>
      {list.isError ? (
        <ProblemAlert error={list.error} describe={problemMessage} />
      ) : (
        <>
          <Table
            rowKey="employmentId"
            size="small"
            loading={list.isPending}
            pagination={false}
            dataSource={list.rows}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('staffPages.employer.noStaff') }}
            columns={[
              {
                title: t('staffPages.person.name'),
                dataIndex: 'name',
                render: (name: string, row) => <Link to={`/staff/persons/${row.personId}`}>{name}</Link>,
              },
              { title: t('staffPages.person.idNumber'), dataIndex: 'idNumberMasked' },
              { title: t('staffPages.employment.hiredOn'), dataIndex: 'hiredOn' },
              {
                title: t('staffPages.employment.leftOn'),
                dataIndex: 'leftOn',
                render: (leftOn: string | null) => leftOn ?? '—',
              },
            ]}
          />
          <LoadMore list={list} text={t('staffPages.common.loadMore')} />
        </>
      )}
    </section>
  );
}

function EmployerBills({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const list = useCursorList(['staff', 'employer-bills', employerId], (cursor) =>
    dataOf(() =>
      api.GET('/api/bills', {
        params: { query: { employerId, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <section aria-labelledby="employer-bills">
      <Typography.Title level={2} id="employer-bills" className="section-title">
        {t('staffPages.employer.bills')}
      </Typography.Title>
      {list.isError ? (
        <ProblemAlert error={list.error} describe={problemMessage} />
      ) : (
        <>
          <Table
            rowKey="billNo"
            size="small"
            loading={list.isPending}
            pagination={false}
            dataSource={list.rows}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('staffPages.employer.noBills') }}
            columns={[
              { title: t('staffPages.bill.billNo'), dataIndex: 'billNo' },
              {
                title: t('staffPages.bill.period'),
                dataIndex: 'period',
                render: (period: string) => formatPeriod(period, i18n.language),
              },
              {
                title: t('staffPages.bill.kind'),
                dataIndex: 'kind',
                render: (kind: string, row) => (
                  <>
                    {t(`staffPages.bill.kinds.${kind as 'regular'}`, { defaultValue: kind })}
                    {row.estimated && <Tag className="tag-after">{t('staffPages.bill.estimated')}</Tag>}
                  </>
                ),
              },
              { title: t('staffPages.bill.dueDate'), dataIndex: 'dueDate' },
              {
                title: t('staffPages.bill.total'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('staffPages.bill.paid'),
                dataIndex: 'paidFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
            ]}
          />
          <LoadMore list={list} text={t('staffPages.common.loadMore')} />
        </>
      )}
    </section>
  );
}
