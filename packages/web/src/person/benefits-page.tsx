import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure } from '../benefits/application-parts.tsx';
import { latestVersions } from '../benefits/award-versions.ts';
import { benefitKeys, fetchAwards } from '../benefits/benefits-api.ts';
import { AwardView } from '../benefits/pension-explanation.tsx';
import { PensionPayments } from '../benefits/pension-payments.tsx';
import { usePageTitle } from '../shell/page-title.ts';

const P = 'benefitPages.claims.person';

/**
 * /person/benefits: the person's work-injury, unemployment and maternity awards, each amount explained
 * with its legal source, then every payment: the monthly lines and the one-time payments
 * (docs/RULES.md 15.17–15.20).
 */
export function BenefitsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${P}.benefitsTitle`));
  const personId = user.personId!;
  const awards = useQuery({ queryKey: benefitKeys.awards(personId), queryFn: () => fetchAwards(personId) });
  const claims = latestVersions((awards.data?.items ?? []).filter((award) => award.kind !== 'pension'));
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t(`${P}.benefitsTitle`)}</Typography.Title>
      <Typography.Paragraph>{t(`${P}.benefitsIntro`)}</Typography.Paragraph>
      <Typography.Paragraph>
        <Link to="/person/apply-benefits">{t(`${P}.apply`)}</Link>
      </Typography.Paragraph>
      {awards.isPending ? (
        <BenefitsLoading />
      ) : awards.isError ? (
        <LoadFailure error={awards.error} onRetry={() => void awards.refetch()} />
      ) : claims.length === 0 ? (
        <Typography.Paragraph type="secondary">{t(`${P}.noAwards`)}</Typography.Paragraph>
      ) : (
        claims.map((award) => (
          <div key={award.awardNo} data-award-kind={award.kind}>
            <Typography.Title level={2} className="section-title">
              {t(`${P}.awardKinds.${award.kind as 'maternity'}`, { defaultValue: award.kind })}
            </Typography.Title>
            <AwardView award={award} headingLevel={3} />
          </div>
        ))
      )}
      <PensionPayments personId={personId} />
    </div>
  );
}
