import { useQuery } from '@tanstack/react-query';
import { Card, Form, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../shell/agency-clock.ts';
import { MonthField } from '../shell/date-field.tsx';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { BaseFileUpload } from './base-file-upload.tsx';
import { BaseForm } from './base-form.tsx';
import { fetchContributionYear, fetchStaffForNames, fetchDeclaredBases } from './employer-api.ts';
import { MonthDeclaration } from './month-declaration.tsx';
import { QueryState } from './query-state.tsx';

/**
 * /employer/bases: the yearly base declaration (缴费基数申报) for the contribution year of a chosen
 * month (this month by default): what is declared so far, one employee by form, or everyone by file;
 * then the monthly declaration that has the month billed on those bases.
 */
export function BasesPage({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('employerPages.bases.title'));
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const monthId = useId();
  const year = useQuery({
    queryKey: ['employer', employerId, 'contribution-year', month],
    queryFn: () => fetchContributionYear(employerId, month),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('employerPages.bases.title')}</Typography.Title>
      <Typography.Paragraph>{t('employerPages.bases.intro')}</Typography.Paragraph>
      <Form layout="inline" className="employer-toolbar">
        <Form.Item label={t('employerPages.bases.yearOf')} htmlFor={monthId}>
          <MonthField
            id={monthId}
            value={month}
            allowClear={false}
            onChange={(picked) => picked && setMonth(picked)}
          />
        </Form.Item>
      </Form>
      <QueryState query={year}>
        {(cycle) => (
          <>
            <Typography.Title level={2}>
              {t('employerPages.bases.year')}:{' '}
              {t('employerPages.bases.yearValue', {
                start: formatPeriod(cycle.start, i18n.language),
                end: formatPeriod(cycle.end, i18n.language),
              })}
            </Typography.Title>
            <DeclaredBases employerId={employerId} cycleStart={cycle.start} />
            <div className="employer-columns">
              <Card title={<h2 className="employer-card-title">{t('employerPages.bases.byForm')}</h2>}>
                <BaseForm employerId={employerId} cycleStart={cycle.start} />
              </Card>
              <Card title={<h2 className="employer-card-title">{t('employerPages.bases.byFile')}</h2>}>
                <BaseFileUpload employerId={employerId} cycleStart={cycle.start} />
              </Card>
            </div>
          </>
        )}
      </QueryState>
      <MonthDeclaration employerId={employerId} />
    </div>
  );
}

/** The latest base of each employee for the year, the latest declared first, with names from the staff list. */
function DeclaredBases({ employerId, cycleStart }: { employerId: number; cycleStart: string }) {
  const { t } = useTranslation();
  const bases = useQuery({
    queryKey: ['employer', employerId, 'bases', cycleStart],
    queryFn: () => fetchDeclaredBases(employerId, cycleStart),
  });
  const staff = useQuery({
    queryKey: ['employer', employerId, 'staff', 'all-ever'],
    queryFn: () => fetchStaffForNames(employerId, false),
  });
  const names = new Map(staff.data?.items.map((member) => [member.personId, member]) ?? []);
  return (
    <QueryState query={bases}>
      {(reply) => (
        <Table
          aria-label={t('employerPages.bases.current')}
          title={() => <h3 className="employer-table-title">{t('employerPages.bases.current')}</h3>}
          rowKey="personId"
          dataSource={[...reply.items].sort(
            (a, b) => b.recordedAt.localeCompare(a.recordedAt) || a.personId - b.personId,
          )}
          size="small"
          pagination={reply.items.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('employerPages.bases.noneDeclared') }}
          columns={[
            {
              title: t('employerPages.bill.name'),
              render: (_, base) =>
                names.get(base.personId)?.name ??
                t('employerPages.bill.unknownPerson', { id: base.personId }),
            },
            {
              title: t('employerPages.bill.idNumber'),
              className: 'employer-mono',
              render: (_, base) => names.get(base.personId)?.idNumberMasked ?? '',
            },
            {
              title: t('employerPages.fields.declaredFen'),
              align: 'right',
              render: (_, base) => formatYuan(base.declaredFen),
            },
            { title: t('employerPages.bases.version'), dataIndex: 'version', width: 80 },
          ]}
        />
      )}
    </QueryState>
  );
}
