import { useQueries, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { PersonBenefits } from '../benefits/benefit-routes.tsx';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';

/**
 * /staff/persons/:personId: a person's registration facts, employments and a summary of their rights
 * record, and their benefit applications and awards. Each read is written to the person's access log by the server (the routes declare it).
 */
export function PersonPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const personId = useParams().personId ?? '';
  const person = useQuery({
    queryKey: ['staff', 'person', personId],
    queryFn: () => dataOf(() => api.GET('/api/persons/{personId}', { params: { path: { personId } } })),
  });
  usePageTitle(person.data?.name ?? t('staffPages.person.title'));
  if (person.isPending) return <LoadingPage />;
  if (person.isError)
    return (
      <div className="page">
        <Typography.Title level={1}>{t('staffPages.person.title')}</Typography.Title>
        <ProblemAlert error={person.error} describe={problemMessage} />
      </div>
    );
  const facts = person.data;
  return (
    <div className="page">
      <Link to="/staff/search?kind=persons">{t('staffPages.common.backToSearch')}</Link>
      <Typography.Title level={1}>{facts.name}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('staffPages.person.logged')}</Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('staffPages.person.idNumber')}>{facts.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.person.sex')}>
          {t(`staffPages.person.sexes.${facts.sex}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.person.birthDate')}>{facts.birthDate}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.person.category')}>
          {t(`staffPages.person.categories.${facts.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.person.hukou')}>
          {facts.hukouRegionCode} · {t(`staffPages.person.hukouTypes.${facts.hukouType}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.common.region')}>{facts.regionCode}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.person.registeredOn')}>
          {facts.registeredOn}
        </Descriptions.Item>
      </Descriptions>
      {/* The person's medical side (docs/RULES.md 16.4) is a page of its own: the account, claims, enrolments. */}
      <Typography.Paragraph className="form-outcome">
        <Link to={`/staff/persons/${facts.id}/medical`}>{t('staffPages.person.medicalAccount')}</Link>
      </Typography.Paragraph>
      <PersonEmployments personId={personId} />
      <RightsSummary personId={personId} />
      <Suspense fallback={<LoadingPage />}>
        <PersonBenefits personId={facts.id} user={user} />
      </Suspense>
    </div>
  );
}

function PersonEmployments({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const employments = useQuery({
    queryKey: ['staff', 'person-employments', personId],
    queryFn: () =>
      dataOf(() => api.GET('/api/persons/{personId}/employments', { params: { path: { personId } } })),
  });
  const employerIds = [...new Set(employments.data?.items.map((item) => item.employerId) ?? [])];
  const employers = useQueries({
    queries: employerIds.map((id) => ({
      queryKey: ['staff', 'employer', String(id)],
      queryFn: () =>
        dataOf(() =>
          api.GET('/api/employers/{employerId}', { params: { path: { employerId: String(id) } } }),
        ),
    })),
  });
  const nameOf = (id: number) => employers.find((query) => query.data?.id === id)?.data?.name ?? `#${id}`;
  return (
    <section aria-labelledby="person-employments">
      <Typography.Title level={2} id="person-employments" className="section-title">
        {t('staffPages.person.employments')}
      </Typography.Title>
      {employments.isError ? (
        <ProblemAlert error={employments.error} describe={problemMessage} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={employments.isPending}
          pagination={false}
          dataSource={employments.data?.items ?? []}
          locale={{ emptyText: t('staffPages.person.noEmployments') }}
          columns={[
            {
              title: t('staffPages.employment.employer'),
              dataIndex: 'employerId',
              render: (id: number) => <Link to={`/staff/employers/${id}`}>{nameOf(id)}</Link>,
            },
            { title: t('staffPages.employment.hiredOn'), dataIndex: 'hiredOn' },
            {
              title: t('staffPages.employment.leftOn'),
              dataIndex: 'leftOn',
              render: (leftOn: string | null) => leftOn ?? '—',
            },
            { title: t('staffPages.common.region'), dataIndex: 'regionCode' },
          ]}
        />
      )}
    </section>
  );
}

function RightsSummary({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const record = useQuery({
    queryKey: ['staff', 'rights-record', personId],
    queryFn: async () => {
      const data = await dataOf(() =>
        api.GET('/api/persons/{personId}/rights-record', { params: { path: { personId } } }),
      );
      // The route answers CSV only when asked for it; this page asks for JSON.
      if (typeof data === 'string') throw new Error('expected the rights record as JSON');
      return data;
    },
  });
  const period = (value: string | null) => (value ? formatPeriod(value, i18n.language) : '—');
  const latest = (rows: { closingFen: number }[]) => rows.at(-1)?.closingFen ?? 0;
  return (
    <section aria-labelledby="person-rights">
      <Typography.Title level={2} id="person-rights" className="section-title">
        {t('staffPages.person.rights')}
      </Typography.Title>
      {record.isPending ? (
        <LoadingPage />
      ) : record.isError ? (
        <ProblemAlert error={record.error} describe={problemMessage} />
      ) : (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('staffPages.rights.span')}>
              {period(record.data.firstPeriod)} – {period(record.data.lastPeriod)}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffPages.rights.owedMonths')}>
              {record.data.totals.owedMonths}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffPages.rights.employerTotal')}>
              {formatYuan(record.data.totals.employerFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffPages.rights.employeeTotal')}>
              {formatYuan(record.data.totals.employeeFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffPages.rights.pensionAccount')}>
              {formatYuan(latest(record.data.accounts.pension))}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffPages.rights.medicalAccount')}>
              {formatYuan(latest(record.data.accounts.medical))}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffPages.rights.gaps')}>
              {record.data.gaps.length === 0
                ? t('staffPages.rights.noGaps')
                : record.data.gaps.map((gap) => period(gap)).join('、')}
            </Descriptions.Item>
          </Descriptions>
          <Table
            className="section-table"
            rowKey="insurance"
            size="small"
            pagination={false}
            dataSource={record.data.contributionMonths}
            columns={[
              {
                title: t('staffPages.rights.insurance'),
                dataIndex: 'insurance',
                render: (insurance: string) => t(`staffPages.insurances.${insurance as 'pension'}`),
              },
              { title: t('staffPages.rights.cumulative'), dataIndex: 'cumulative', align: 'right' },
              { title: t('staffPages.rights.cumulativePaid'), dataIndex: 'cumulativePaid', align: 'right' },
            ]}
          />
        </>
      )}
    </section>
  );
}
