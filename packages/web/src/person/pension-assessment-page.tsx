import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BenefitsLoading, LoadFailure } from '../benefits/application-parts.tsx';
import { benefitKeys, fetchApplication, fetchAssessment } from '../benefits/benefits-api.ts';
import { AssessmentView } from '../benefits/pension-explanation.tsx';
import { usePageTitle } from '../shell/page-title.ts';

/**
 * /person/applications/:applicationId/assessment: the person's pension claim worked out from their record,
 * with the deemed months they claimed (the agency confirms them from the evidence).
 */
export function PensionAssessmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.person.assessment.title'));
  const applicationId = Number(useParams().applicationId);
  const application = useQuery({
    queryKey: benefitKeys.application(applicationId),
    queryFn: () => fetchApplication(applicationId),
  });
  const claimed = Number(
    (application.data?.facts as { deemedMonthsClaimed?: number } | undefined)?.deemedMonthsClaimed ?? 0,
  );
  const assessment = useQuery({
    queryKey: benefitKeys.assessment(applicationId, claimed),
    queryFn: () => fetchAssessment(applicationId, claimed),
    enabled: application.data?.kind === 'pension',
  });
  const failed = application.error ?? assessment.error;
  return (
    <div className="page person-page benefit-page">
      <Link to="/person/applications">{t('benefitPages.person.assessment.back')}</Link>
      <Typography.Title level={1}>{t('benefitPages.person.assessment.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.assessment.intro')}</Typography.Paragraph>
      {failed ? (
        <LoadFailure
          error={failed}
          onRetry={() => void (application.isError ? application.refetch() : assessment.refetch())}
        />
      ) : application.data && application.data.kind !== 'pension' ? (
        <Typography.Paragraph>{t('benefitPages.assessment.notPension')}</Typography.Paragraph>
      ) : !assessment.data ? (
        <BenefitsLoading />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('benefitPages.person.assessment.claimed', { count: claimed })}
          </Typography.Paragraph>
          <AssessmentView assessment={assessment.data} />
        </>
      )}
    </div>
  );
}
