import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadFailure, StateTag, useClockWords } from '../benefits/application-parts.tsx';
import { claimKeys, fetchEmployerApplications, type EmployerApplication } from '../benefits/claims-api.ts';

const C = 'benefitPages.claims.employer.columns';

function ClockCell({ application }: { application: EmployerApplication }) {
  const words = useClockWords(application);
  return (
    <span data-clock={words.kind} title={words.text}>
      {words.tag}
    </span>
  );
}

/** The applications the employer filed for its employees: names, masked identity numbers, states, clocks. */
export function FiledApplications({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: claimKeys.employer(employerId),
    queryFn: () => fetchEmployerApplications(employerId),
  });
  if (query.isError) return <LoadFailure error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<EmployerApplication>
      className="employer-filed-applications"
      rowKey="id"
      size="small"
      loading={query.isPending}
      pagination={false}
      dataSource={query.data?.items ?? []}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('benefitPages.claims.employer.empty') }}
      columns={[
        { title: t(`${C}.applicationNo`), dataIndex: 'applicationNo' },
        { title: t(`${C}.person`), dataIndex: 'personName' },
        { title: t(`${C}.idNumber`), dataIndex: 'idNumberMasked' },
        {
          title: t(`${C}.kind`),
          dataIndex: 'kind',
          render: (kind: EmployerApplication['kind']) => t(`benefitPages.kinds.${kind}`),
        },
        { title: t(`${C}.filedOn`), dataIndex: 'filedOn' },
        {
          title: t(`${C}.state`),
          dataIndex: 'state',
          render: (state: EmployerApplication['state']) => <StateTag state={state} />,
        },
        { title: t(`${C}.clock`), key: 'clock', render: (_, row) => <ClockCell application={row} /> },
        {
          title: t(`${C}.decision`),
          key: 'decision',
          render: (_, row) =>
            row.decision
              ? `${t(`benefitPages.decision.${row.decision.kind}`)} · ${row.decision.decidedOn}`
              : '—',
        },
      ]}
    />
  );
}
