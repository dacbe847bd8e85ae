import { formatPpmAsFactor } from '@shebao/domain';
import { Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sourceText } from '../../medical/explanation-text.ts';
import { ExplanationView } from '../../medical/explanation-view.tsx';
import type { Institution } from '../../medical/medical-api.ts';
import { Money } from '../../medical/money-cell.tsx';
import { formatChinaTime } from '../../shell/format.ts';
import type { Finding, FindingStatus } from './supervision-api.ts';
import { userName } from './user-name.ts';

const F = 'medicalFundPages.findings';

const STATUS_COLORS: Record<FindingStatus, string> = {
  proposed: 'gold',
  approved: 'green',
  rejected: 'default',
};

/** A finding's status as a tag: awaiting a second officer, approved and applied, rejected. */
export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`medicalFundPages.findingStatuses.${status}`)}
    </Tag>
  );
}

/** What follows besides the recovery and the fine: a suspension (with its days once approved) or the end. */
function Measures({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  if (finding.terminate) return <>{t(`${F}.terminate`)}</>;
  if (finding.suspensionMonths === 0) return <>{t(`${F}.noMeasure`)}</>;
  return (
    <>
      {t(finding.subject === 'institution' ? `${F}.suspendAgreement` : `${F}.suspendSettlement`, {
        months: finding.suspensionMonths,
      })}
      {finding.suspendedFrom &&
        finding.suspendedUntil &&
        t(`${F}.suspendedSpan`, { from: finding.suspendedFrom, until: finding.suspendedUntil })}
    </>
  );
}

/**
 * A finding of the medical fund's supervision (docs/RULES.md 16.7): against whom and under which article,
 * what was found and on which claims, the loss recovered, the fine and the other measures, who proposed it
 * and who decided it, and how the penalty was worked out. The findings page puts the decision under it.
 */
export function FindingCard({
  finding,
  institution,
  actions,
}: {
  finding: Finding;
  /** The institution a finding against one names, once the region's institutions have arrived. */
  institution?: Institution;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const who = (loginKey: string, at: string) => (
    <>
      {t(`${F}.at`, { at: formatChinaTime(at, i18n.language) })} <code>{userName(loginKey)}</code>
    </>
  );
  return (
    <Card
      size="small"
      className="medical-finding-card"
      data-finding-no={finding.findingNo}
      title={
        <Typography.Title level={3} className="medical-card-title">
          {t(`${F}.finding`, { findingNo: finding.findingNo })} <FindingStatusTag status={finding.status} />
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t(`${F}.subject`)}>
          {finding.institutionId !== null ? (
            <Link to={`/staff/medical/institutions/${finding.institutionId}`}>
              {institution?.name ?? `#${finding.institutionId}`}
            </Link>
          ) : (
            <Link to={`/staff/persons/${finding.personId}`}>
              {t(`${F}.personSubject`, { id: finding.personId })}
            </Link>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.article`)}>
          {sourceText(t, finding.article, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.description`)} span={{ xs: 1, md: 2 }}>
          {finding.description}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.claims`)} span={{ xs: 1, md: 2 }}>
          <span className="medical-claim-nos">
            {finding.claimNos.map((claimNo) => (
              <Link key={claimNo} to={`/staff/medical/claims/${encodeURIComponent(claimNo)}`}>
                {claimNo}
              </Link>
            ))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.loss`)}>
          <Money fen={finding.lossFen} name="lossFen" />
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.multiple`)}>
          {t(`${F}.multipleValue`, { multiple: formatPpmAsFactor(finding.multiplePpm) })}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.fine`)}>
          <Money fen={finding.fineFen} name="fineFen" />
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.measures`)}>
          <span data-measures>
            <Measures finding={finding} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t(`${F}.proposed`)}>
          <span data-proposed-by={finding.proposedBy}>{who(finding.proposedBy, finding.proposedAt)}</span>
        </Descriptions.Item>
        {finding.decidedBy && finding.decidedAt && (
          <Descriptions.Item label={t(`${F}.decided`)}>
            <span data-decided-by={finding.decidedBy}>{who(finding.decidedBy, finding.decidedAt)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={4} className="subsection-title">
        {t(`${F}.explanationTitle`)}
      </Typography.Title>
      <ExplanationView explanation={finding.explanation} />
      {actions}
    </Card>
  );
}
