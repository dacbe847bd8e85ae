import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure } from '../benefits/application-parts.tsx';
import { benefitKeys, fetchAwards, fetchPersonApplications, OPEN_STATES } from '../benefits/benefits-api.ts';
import { AwardView } from '../benefits/pension-explanation.tsx';
import { InvitationNotice } from '../benefits/invitation-notice.tsx';
import type { Award } from '../benefits/benefits-api.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { latestVersions } from '../benefits/award-versions.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { PensionPayments } from '../benefits/pension-payments.tsx';
import { SurvivalCard } from './survival-card.tsx';

/**
 * /person/pension: the person's pension as awarded, every part explained, and every version of it with its
 * reason (yearly adjustments and corrections, docs/RULES.md 14.11, 14.12); an invitation to claim or the
 * shortfall told in time (14.13) and the forecast; with a pension claim still open, a link to its
 * assessment; without either, a link to apply. A pensioner sees their survival verification first (the
 * cycle, where it stands, the button to verify; docs/RULES.md 14.9) and their payments last (14.14).
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
  const all = (awards.data?.items ?? []).filter((award) => award.kind === 'pension');
  const pensions = latestVersions(all);
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t('benefitPages.person.pension.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.person.pension.intro')}</Typography.Paragraph>
      {pensions.length === 0 && <InvitationNotice personId={personId} />}
      <Typography.Paragraph>
        <Link to="/person/pension-forecast">{t('benefitPages.person.pension.forecastLink')}</Link>
      </Typography.Paragraph>
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
            <div key={award.awardNo}>
              <AwardView award={award} />
              <AwardVersions versions={all.filter((version) => version.awardNo === award.awardNo)} />
            </div>
          ))}
          <PensionPayments personId={personId} />
        </>
      )}
    </div>
  );
}

/** Every version of an award, newest first, each from its month with its reason. */
function AwardVersions({ versions }: { versions: Award[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="benefit-section award-versions">
      <Typography.Title level={2} className="section-title">
        {t('benefitPages.person.pension.versions')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('benefitPages.person.pension.versionsIntro')}
      </Typography.Paragraph>
      <Table<Award>
        size="small"
        rowKey="version"
        pagination={false}
        scroll={{ x: true }}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        columns={[
          { title: t('benefitPages.person.pension.version'), dataIndex: 'version' },
          {
            title: t('benefitPages.person.pension.from'),
            dataIndex: 'validFrom',
            render: (month: string) => formatPeriod(month, i18n.language),
          },
          {
            title: t('benefitPages.person.pension.monthly'),
            dataIndex: 'monthlyFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
          { title: t('benefitPages.person.pension.reason'), dataIndex: 'reason' },
        ]}
      />
    </section>
  );
}
