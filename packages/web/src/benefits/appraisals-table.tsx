import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Appraisal } from './claims-api.ts';

const I = 'benefitPages.claims.injury';

/**
 * The labour-capability appraisals of an injury (docs/RULES.md 15.16): each conclusion with the last day to ask
 * for a re-appraisal and the first for a review. Staff also see the day asked for and the committee's reference.
 */
export function AppraisalsTable({
  appraisals,
  loading,
  forStaff,
}: {
  appraisals: readonly Appraisal[];
  loading: boolean;
  forStaff: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<Appraisal>
      className="claim-appraisals"
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={[...appraisals]}
      scroll={{ x: forStaff ? 720 : 560 }}
      locale={{ emptyText: t(`${I}.noAppraisals`) }}
      columns={[
        {
          title: t(`${I}.columns.kind`),
          dataIndex: 'kind',
          render: (kind: Appraisal['kind']) => t(`${I}.appraisalKinds.${kind}`),
        },
        {
          title: t(`${I}.columns.grade`),
          dataIndex: 'grade',
          render: (grade: number | null) =>
            grade === null ? t(`${I}.noGrade`) : t(`${I}.gradeValue`, { grade }),
        },
        {
          title: t(`${I}.columns.nursing`),
          dataIndex: 'nursing',
          render: (nursing: Appraisal['nursing']) => t(`${I}.nursing.${nursing}`),
        },
        ...(forStaff ? [{ title: t(`${I}.columns.requestedOn`), dataIndex: 'requestedOn' }] : []),
        { title: t(`${I}.columns.concludedOn`), dataIndex: 'concludedOn' },
        ...(forStaff ? [{ title: t(`${I}.columns.committeeRef`), dataIndex: 'committeeRef' }] : []),
        { title: t(`${I}.columns.reappraisalUntil`), dataIndex: 'reappraisalUntil' },
        { title: t(`${I}.columns.reviewFrom`), dataIndex: 'reviewFrom' },
      ]}
    />
  );
}
