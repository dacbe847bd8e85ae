import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../medical/money-cell.tsx';
import { reviewDetailText } from './review-detail-text.ts';
import { ReviewRuleTag } from './review-rule-tag.tsx';
import type { Review } from './supervision-api.ts';
import { userName } from './user-name.ts';

const R = 'medicalFundPages.reviews';

/**
 * The review queue (docs/RULES.md 16.7): each flagged claim with the rule that caught it and what it saw,
 * the claim (opening its page), its costs and the fund's share, the institution and the person. Open flags
 * may be selected for a finding and cleared one by one (`actions`); cleared and taken ones show the note.
 */
export function ReviewsTable({
  rows,
  loading,
  actions,
  selected,
  onSelect,
  onClear,
}: {
  rows: Review[];
  loading: boolean;
  /** The officer's actions on open flags: select for a finding, clear. */
  actions: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onClear: (flag: Review) => void;
}) {
  const { t, i18n } = useTranslation();
  const reviewed = rows.some((row) => row.status !== 'open');
  const columns: TableColumnsType<Review> = [
    { title: t(`${R}.flaggedOn`), dataIndex: 'flaggedOn', width: 110, className: 'medical-nowrap' },
    {
      title: t(`${R}.rule`),
      dataIndex: 'rule',
      width: 150,
      render: (rule: Review['rule']) => <ReviewRuleTag rule={rule} />,
    },
    {
      title: t(`${R}.detail`),
      dataIndex: 'detail',
      width: 300,
      render: (detail: string, flag) => (
        <span className="medical-review-detail">
          {reviewDetailText(detail, i18n.language, flag.claim.claimNo)}
        </span>
      ),
    },
    {
      title: t(`${R}.claim`),
      key: 'claim',
      width: 240,
      render: (_value, flag) => (
        <>
          <Link to={`/staff/medical/claims/${encodeURIComponent(flag.claim.claimNo)}`}>
            {flag.claim.claimNo}
          </Link>
          <div className="medical-cell-note">
            {t(`${R}.claimKind`, {
              kind: t(`medicalPages.kinds.${flag.claim.kind as 'outpatient'}`, {
                defaultValue: flag.claim.kind,
              }),
              date: flag.claim.visitDate,
            })}
          </div>
        </>
      ),
    },
    {
      title: t(`${R}.totalFen`),
      key: 'totalFen',
      width: 110,
      align: 'right',
      render: (_value, flag) => <Money fen={flag.claim.totalFen} name="totalFen" />,
    },
    {
      title: t(`${R}.pooledFen`),
      key: 'pooledFen',
      width: 110,
      align: 'right',
      render: (_value, flag) => <Money fen={flag.claim.pooledFen} name="pooledFen" />,
    },
    {
      title: t(`${R}.institution`),
      key: 'institution',
      width: 170,
      render: (_value, flag) => (
        <Link to={`/staff/medical/institutions/${flag.institution.id}`}>{flag.institution.name}</Link>
      ),
    },
    {
      title: t(`${R}.person`),
      key: 'person',
      width: 160,
      render: (_value, flag) => (
        <>
          {flag.person.name}
          <div className="medical-cell-note">{flag.person.idNumberMasked}</div>
        </>
      ),
    },
    ...(reviewed
      ? [
          {
            title: t(`${R}.review`),
            key: 'review',
            width: 220,
            render: (_value: unknown, flag: Review) =>
              flag.reviewNote && (
                <>
                  <span data-review-note>{flag.reviewNote}</span>
                  {flag.reviewedBy && (
                    <div className="medical-cell-note">
                      {t('medicalFundPages.common.byUser')} <code>{userName(flag.reviewedBy)}</code>
                    </div>
                  )}
                </>
              ),
          },
        ]
      : []),
    ...(actions
      ? [
          {
            title: t(`${R}.action`),
            key: 'action',
            width: 120,
            // The action stays in sight while the rest of the row scrolls sideways on a narrow screen.
            fixed: 'right' as const,
            render: (_value: unknown, flag: Review) =>
              flag.status === 'open' && (
                <Button size="small" onClick={() => onClear(flag)}>
                  {t(`${R}.clear`)}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<Review>
      className="medical-reviews"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1500 }}
      locale={{ emptyText: t(`${R}.empty`) }}
      onRow={(flag) => ({ 'data-flag-id': flag.id, 'data-claim-no': flag.claim.claimNo }) as object}
      rowSelection={
        actions
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(Number)),
              getCheckboxProps: (flag) => ({
                disabled: flag.status !== 'open',
                'aria-label': t(`${R}.select`, { claimNo: flag.claim.claimNo }),
              }),
            }
          : undefined
      }
      columns={columns}
    />
  );
}
