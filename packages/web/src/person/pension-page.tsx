import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure } from '../benefits/application-parts.tsx';
import { benefitKeys, fetchAwards, fetchPersonApplications, OPEN_STATES } from '../benefits/benefits-api.ts';
import { AwardView } from '../benefits/pension-explanation.tsx';
import { latestVersions } from '../benefits/award-versions.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { PensionPayments } from '../benefits/pension-payments.tsx';
import { SurvivalCard } from './survival-card.tsx';

/**
 * /person/pension: the person's pension as awarded, every part explained; with a pension claim still open,
 * a link to its assessment; without either, a link to apply. A pensioner sees their survival verification
 * first: the cycle, where it stands, and the button to verify (docs/RULES.md 14.9).
 */
export function PensionPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.person.pension.title'));
  const personId = user.personId!;
  const awards = useQuery({ queryKey: benefitKeys.awards(personId), queryFn: () => fetchAwards(personId) });
  const applications = useQuery({
    queryKey: benefitKeys.person(personId),
    queryFn: () => fetchPersonApplications(personId),
  });
  const openClaim = applications.data?.items.find(
    (application) => application.kind === 'pension' && OPEN_STATES.includes(application.state),
  );
  const pensions = latestVersions((awards.data?.items ?? []).filter((award) => award.kind === 'pension'));
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t('benefitPages.person.pension.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.person.pension.intro')}</Typography.Paragraph>
      {openClaim && (
        <Alert
          type="info"
          showIcon
          className="benefit-decision"
          title={t('benefitPages.person.pension.openClaim', { no: openClaim.applicationNo })}
          action={
            <Link to={`/person/applications/${openClaim.id}/assessment`}>
              {t('benefitPages.person.pension.viewAssessment')}
            </Link>
          }
        />
      )}
      {awards.isPending ? (
        <BenefitsLoading />
      ) : awards.isError ? (
        <LoadFailure error={awards.error} onRetry={() => void awards.refetch()} />
      ) : pensions.length === 0 ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('benefitPages.person.pension.none')}
          </Typography.Paragraph>
          {!openClaim && (
            <Typography.Paragraph>
              <Link to="/person/apply-pension">{t('benefitPages.person.pension.apply')}</Link>
            </Typography.Paragraph>
          )}
        </>
      ) : (
        <>
          <SurvivalCard personId={personId} />
          {pensions.map((award) => (
            <AwardView key={award.awardNo} award={award} />
          ))}
          <PensionPayments personId={personId} />
        </>
      )}
    </div>
  );
}
