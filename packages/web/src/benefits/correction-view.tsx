import { Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { sourcesText } from './benefit-terms.ts';
import type { RecordChange, RecordCorrection } from './benefits-api.ts';
import './benefits.css';

type Adjustment = RecordCorrection['adjustments'][number];

const C = 'benefitPages.recordCorrection';

const STATUS_COLOURS: Record<RecordCorrection['status'], string> = {
  proposed: 'purple',
  granted: 'green',
  rejected: 'default',
};

/** One change to the register in the reader's words. */
export function describeChange(t: TFunction, change: RecordChange, language: string): string {
  if (change.kind === 'base')
    return t(`${C}.changes.base`, {
      employer: change.employerId,
      year: formatPeriod(change.cycleStart, language),
      amount: formatYuan(change.declaredFen),
    });
  if (change.kind === 'hire')
    return change.leftOn
      ? t(`${C}.changes.hireEnded`, { employer: change.employerId, from: change.hiredOn, to: change.leftOn })
      : t(`${C}.changes.hire`, { employer: change.employerId, from: change.hiredOn });
  return t(`${C}.changes.leave`, { employment: change.employmentId, on: change.leftOn });
}

/**
 * A correction of the record proposed or granted (docs/RULES.md 14.19): the changes, and once granted the
 * adjustment bills or credits its reassessment caused, the person's part of each. Staff see each bill's
 * total too; a person sees their own part only.
 */
export function CorrectionView({
  correction,
  audience,
}: {
  correction: RecordCorrection;
  audience: 'person' | 'staff';
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="record-correction" data-status={correction.status}>
      <Typography.Paragraph>
        <Tag color={STATUS_COLOURS[correction.status]}>{t(`${C}.status.${correction.status}`)}</Tag>
        {audience === 'staff' && t(`${C}.proposedBy`, { who: correction.proposedBy.replace(/^staff:/, '') })}
        {audience === 'staff' &&
          correction.decidedBy &&
          ` ${t(`${C}.decidedBy`, { who: correction.decidedBy.replace(/^staff:/, '') })}`}
      </Typography.Paragraph>
      <ul className="record-correction-changes" aria-label={t(`${C}.changesLabel`)}>
        {correction.changes.map((change, index) => (
          <li key={index}>{describeChange(t, change, i18n.language)}</li>
        ))}
      </ul>
      {/* Granted, the reasons are the decision's, shown with it; before, the second officer reads them here. */}
      {correction.status !== 'granted' && (
        <ol className="benefit-reasons" aria-label={t('benefitPages.decision.reasons')}>
          {correction.reasons.map((reason, index) => (
            <li key={index}>
              {reason.message}
              <div className="benefit-reason-source">
                {t('benefitPages.decision.source')}：{sourcesText(t, reason.source, i18n.language)}
              </div>
            </li>
          ))}
        </ol>
      )}
      {correction.status === 'granted' &&
        (correction.reassessedAt === null ? (
          <Typography.Paragraph type="warning" role="status">
            {t(`${C}.notReassessed`)}
          </Typography.Paragraph>
        ) : (
          <AdjustmentsTable adjustments={correction.adjustments} audience={audience} />
        ))}
    </div>
  );
}

function AdjustmentsTable({
  adjustments,
  audience,
}: {
  adjustments: Adjustment[];
  audience: 'person' | 'staff';
}) {
  const { t, i18n } = useTranslation();
  if (adjustments.length === 0)
    return <Typography.Paragraph type="secondary">{t(`${C}.noAdjustments`)}</Typography.Paragraph>;
  return (
    <>
      <Typography.Paragraph>{t(`${C}.adjustmentsHint`)}</Typography.Paragraph>
      <Table<Adjustment>
        className="record-correction-adjustments"
        size="small"
        rowKey="billNo"
        pagination={false}
        dataSource={adjustments}
        // A person's three columns fit a phone; staff's five scroll within the table.
        scroll={audience === 'staff' ? { x: 520 } : undefined}
        columns={[
          {
            title: t(`${C}.columns.period`),
            dataIndex: 'period',
            render: (period: string) => formatPeriod(period, i18n.language),
          },
          {
            title: t(`${C}.columns.kind`),
            key: 'kind',
            render: (_: unknown, row: Adjustment) =>
              row.personFen < 0 ? t(`${C}.credit`) : t(`${C}.arrears`),
          },
          {
            title: t(`${C}.columns.personAmount`),
            dataIndex: 'personFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
          ...(audience === 'staff'
            ? [
                {
                  title: t(`${C}.columns.billNo`),
                  dataIndex: 'billNo',
                  render: (no: string) => <code>{no}</code>,
                },
                {
                  title: t(`${C}.columns.billTotal`),
                  dataIndex: 'billTotalFen',
                  align: 'right' as const,
                  render: (fen: number) => formatYuan(fen),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
