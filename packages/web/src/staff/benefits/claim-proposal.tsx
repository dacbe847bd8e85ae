import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BenefitsLoading, LoadFailure } from '../../benefits/application-parts.tsx';
import { proposeAward, type Application } from '../../benefits/benefits-api.ts';
import { ClaimAssessmentView } from '../../benefits/claim-assessment-view.tsx';
import { claimKeys, fetchClaimAssessment } from '../../benefits/claims-api.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { useApplied } from './use-applied.ts';

const P = 'benefitPages.claims.propose';

/**
 * A claim of injury benefits, unemployment or maternity: the assessment with every part explained, and
 * (officers, while under review) proposing the award as assessed for a second officer to approve.
 */
export function ClaimProposal({
  application,
  canPropose,
}: {
  application: Application;
  canPropose: boolean;
}) {
  const { t } = useTranslation();
  const applied = useApplied();
  const key = useRef(newIdempotencyKey());
  const assessment = useQuery({
    queryKey: claimKeys.assessment(application.id),
    queryFn: () => fetchClaimAssessment(application.id),
  });
  const propose = useMutation({
    mutationFn: () => proposeAward(application.id, { deemedMonths: 0, evidenceDocumentIds: [] }, key.current),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      applied();
    },
  });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${P}.title`)}</h3>}>
      <Typography.Paragraph type="secondary">{t(`${P}.hint`)}</Typography.Paragraph>
      {assessment.isPending ? (
        <BenefitsLoading />
      ) : assessment.isError ? (
        <LoadFailure error={assessment.error} onRetry={() => void assessment.refetch()} />
      ) : (
        <ClaimAssessmentView assessment={assessment.data} />
      )}
      <div aria-live="polite" className="benefit-section">
        {propose.isError && <ProblemAlert error={propose.error} describe={problemMessage} />}
        {propose.isSuccess && (
          <Typography.Text type="success" role="status">
            {t(`${P}.proposed`, { id: propose.data.id })}
          </Typography.Text>
        )}
      </div>
      {canPropose && assessment.data?.eligible && (
        <Button
          type="primary"
          className="benefit-section"
          loading={propose.isPending}
          onClick={() => propose.mutate()}
        >
          {t(`${P}.propose`)}
        </Button>
      )}
      {canPropose && assessment.data && !assessment.data.eligible && (
        <Typography.Paragraph type="secondary" className="benefit-section">
          {t(`${P}.refuseHint`)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
