import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { CorrectionView } from '../benefits/correction-view.tsx';
import {
  ApplicationSummary,
  BenefitsLoading,
  ClockView,
  DecisionView,
  DocumentsTable,
  EventsList,
  FactsView,
  LoadFailure,
  StateTag,
} from '../benefits/application-parts.tsx';
import {
  benefitKeys,
  fetchApplication,
  fetchPersonApplications,
  OPEN_STATES,
  type Application,
} from '../benefits/benefits-api.ts';
import { DocumentUpload } from '../benefits/pension-claim-form.tsx';
import { InjuryFollowUp } from './injury-follow-up.tsx';
import { InvitationNotice } from '../benefits/invitation-notice.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { ClaimAssessmentView } from '../benefits/claim-assessment-view.tsx';
import { claimKeys, fetchClaimAssessment, isClaim } from '../benefits/claims-api.ts';

/**
 * /person/applications: the person's applications, newest first, each with its state, its clock (the due
 * date and the days left, overdue, or paused while the agency waits for material), what happened, the
 * decision with its reasons and legal sources, and its documents (more may be attached while it is open).
 */
export function ApplicationsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.person.applications.title'));
  const personId = user.personId!;
  const list = useQuery({
    queryKey: benefitKeys.person(personId),
    queryFn: () => fetchPersonApplications(personId),
  });
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t('benefitPages.person.applications.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.person.applications.intro')}</Typography.Paragraph>
      {/* Once a pension is claimed, the invitation to claim it has served. */}
      {list.data &&
        !list.data.items.some((item) => item.kind === 'pension' && item.state !== 'withdrawn') && (
          <InvitationNotice personId={personId} />
        )}
      <Typography.Paragraph>
        <Link to="/person/apply-pension">{t('benefitPages.person.applications.applyPension')}</Link>
        {' · '}
        <Link to="/person/apply-benefits">{t('benefitPages.claims.person.apply')}</Link>
      </Typography.Paragraph>
      {list.isPending ? (
        <BenefitsLoading />
      ) : list.isError ? (
        <LoadFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {t('benefitPages.person.applications.empty')}
        </Typography.Paragraph>
      ) : (
        list.data.items.map((application) => (
          <ApplicationCard key={application.id} application={application} />
        ))
      )}
    </div>
  );
}

function ApplicationCard({ application: listed }: { application: Application }) {
  const { t } = useTranslation();
  const headingId = useId();
  // The list leaves the documents out; the application itself has them.
  const detail = useQuery({
    queryKey: benefitKeys.application(listed.id),
    queryFn: () => fetchApplication(listed.id),
  });
  const application = detail.data ?? listed;
  const open = OPEN_STATES.includes(application.state);
  const requested =
    application.state === 'awaiting-material'
      ? application.events.findLast((event) => event.kind === 'material-requested')
      : undefined;
  return (
    <Card
      className="benefit-card benefit-section"
      role="article"
      aria-labelledby={headingId}
      data-application={application.applicationNo}
    >
      <Typography.Title level={2} id={headingId} className="entry-title">
        {t('benefitPages.person.applications.heading', {
          kind: t(`benefitPages.kinds.${application.kind}`),
          no: application.applicationNo,
        })}{' '}
        <StateTag state={application.state} />
      </Typography.Title>
      <ApplicationSummary application={application} />
      {requested?.note && (
        <Alert
          type="warning"
          showIcon
          className="benefit-decision"
          title={t('benefitPages.person.applications.materialNeeded', { note: requested.note })}
        />
      )}
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.clock.title')}
      </Typography.Title>
      <ClockView application={application} />
      {application.decision && (
        <>
          <Typography.Title level={3} className="subsection-title">
            {t('benefitPages.decision.title')}
          </Typography.Title>
          <DecisionView decision={application.decision} applicationKind={application.kind} />
        </>
      )}
      {application.correction?.status === 'granted' && (
        <>
          <Typography.Title level={3} className="subsection-title">
            {t('benefitPages.recordCorrection.title')}
          </Typography.Title>
          <CorrectionView correction={application.correction} audience="person" />
        </>
      )}
      {isClaim(application.kind) && application.state !== 'withdrawn' && (
        <>
          <Typography.Title level={3} className="subsection-title">
            {t('benefitPages.claims.assessment.title')}
          </Typography.Title>
          <PersonClaimAssessment applicationId={application.id} />
        </>
      )}
      {application.kind === 'work-injury' && application.decision?.kind === 'identified' && (
        <InjuryFollowUp application={application} />
      )}
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.facts.title')}
      </Typography.Title>
      <FactsView application={application} />
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.events.title')}
      </Typography.Title>
      <EventsList events={application.events} showLogins={false} />
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.documents.title')}
      </Typography.Title>
      {detail.isPending ? <BenefitsLoading /> : <DocumentsTable application={application} />}
      {open && detail.data && (
        <>
          <Typography.Title level={4} className="subsection-title">
            {t('benefitPages.documents.uploadTitle')}
          </Typography.Title>
          <DocumentUpload application={detail.data} />
        </>
      )}
      {open && application.kind === 'pension' && (
        <Space className="benefit-section">
          <Link to={`/person/applications/${application.id}/assessment`}>
            {t('benefitPages.person.applications.assessment')}
          </Link>
        </Space>
      )}
    </Card>
  );
}

/** What a claim of injury benefits, unemployment or maternity would pay, every part explained. */
function PersonClaimAssessment({ applicationId }: { applicationId: number }) {
  const query = useQuery({
    queryKey: claimKeys.assessment(applicationId),
    queryFn: () => fetchClaimAssessment(applicationId),
  });
  if (query.isPending) return <BenefitsLoading />;
  if (query.isError) return <LoadFailure error={query.error} onRetry={() => void query.refetch()} />;
  return <ClaimAssessmentView assessment={query.data} />;
}
