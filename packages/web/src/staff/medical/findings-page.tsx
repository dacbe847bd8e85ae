import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { FindingCard } from './finding-card.tsx';
import { FindingDecisionForm } from './finding-decision-form.tsx';
import { useInstitutionsById } from './institution-names.ts';
import { actsOnMedical } from './medical-roles.ts';
import { RegionField } from './region-field.tsx';
import {
  fetchFindings,
  FINDING_STATUSES,
  supervisionKeys,
  type Finding,
  type FindingStatus,
} from './supervision-api.ts';

const F = 'medicalFundPages.findings';
type Shown = FindingStatus | 'all';

/**
 * /staff/medical/findings: the findings of the medical fund's supervision (docs/RULES.md 16.7), newest
 * first, all or by status, each with its penalty and how it was worked out; a proposed one carries the
 * second officer's decision for the medical officers. Oversight reads.
 */
export function FindingsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${F}.title`));
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [status, setStatus] = useState<Shown>('all');
  const [decided, setDecided] = useState<Finding | null>(null);
  const institutions = useInstitutionsById(regionCode);
  const findings = useQuery({
    queryKey: supervisionKeys.findings(regionCode, status),
    queryFn: () => fetchFindings(regionCode, status),
    enabled: regionCode !== '',
  });
  const officer = actsOnMedical(user);
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{t(`${F}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${F}.intro`)}</Typography.Paragraph>
      <div className="medical-toolbar">
        <RegionField id="findings-region" user={user} value={regionCode} onChange={setRegionCode} />
        <Segmented<Shown>
          aria-label={t(`${F}.status`)}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t(`${F}.all`) },
            ...FINDING_STATUSES.map((value) => ({
              value,
              label: t(`medicalFundPages.findingStatuses.${value}`),
            })),
          ]}
        />
      </div>
      <div aria-live="polite">
        {decided && (
          <Alert
            className="medical-outcome"
            type="success"
            showIcon
            role="status"
            closable={{ onClose: () => setDecided(null) }}
            data-finding-no={decided.findingNo}
            title={t(
              decided.status === 'approved'
                ? 'medicalFundPages.decision.approved'
                : 'medicalFundPages.decision.rejected',
              { findingNo: decided.findingNo },
            )}
          />
        )}
      </div>
      {findings.isError ? (
        <ProblemAlert error={findings.error} describe={problemMessage} />
      ) : findings.isPending ? null : findings.data.length === 0 ? (
        <Typography.Paragraph role="status">{t(`${F}.empty`)}</Typography.Paragraph>
      ) : (
        <div className="medical-findings">
          {findings.data.map((finding) => (
            <FindingCard
              key={finding.findingNo}
              finding={finding}
              institution={
                finding.institutionId === null ? undefined : institutions.get(finding.institutionId)
              }
              actions={
                officer &&
                finding.status === 'proposed' && (
                  <FindingDecisionForm finding={finding} user={user} onDecided={setDecided} />
                )
              }
            />
          ))}
        </div>
      )}
    </div>
  );
}
