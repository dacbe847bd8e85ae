import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import {
  ApplicationSummary,
  BenefitsLoading,
  ClockView,
  DecisionView,
  DocumentsTable,
  EventsList,
  FactsView,
  LoadFailure,
} from '../../benefits/application-parts.tsx';
import {
  benefitKeys,
  decideAward,
  decideCorrection,
  fetchApplication,
  fetchAssessment,
  fetchAwards,
  proposeAward,
  recordMaterialReceived,
  refuseApplication,
  requestMaterial,
  type Application,
  type DecisionReason,
} from '../../benefits/benefits-api.ts';
import { CorrectionView } from '../../benefits/correction-view.tsx';
import { DocumentUpload } from '../../benefits/pension-claim-form.tsx';
import { AssessmentView, AwardView } from '../../benefits/pension-explanation.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { actsOnBenefits } from './benefit-roles.ts';
import { ProposeCorrection } from './propose-correction.tsx';
import { isClaim } from '../../benefits/claims-api.ts';
import { ClaimProposal } from './claim-proposal.tsx';
import { ClearCase, IdentifyForm, RefuseInjuryForm } from './injury-actions.tsx';
import { InjuryAppraisals } from './injury-appraisals.tsx';
import { InjuryStoppage } from '../../benefits/injury-stoppage.tsx';
import { ReasonFields } from './reason-fields.tsx';
import { useApplied } from './use-applied.ts';

/**
 * /staff/applications/:applicationId: one application's facts, documents, events and clock, and what an
 * officer may do in its state: ask for material and record it, refuse with reasons, assess a pension claim
 * and propose its award, or (a second officer) approve or reject the proposal. Oversight roles read only.
 */
export function ApplicationPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const applicationId = Number(useParams().applicationId);
  const query = useQuery({
    queryKey: benefitKeys.application(applicationId),
    queryFn: () => fetchApplication(applicationId),
  });
  const application = query.data;
  usePageTitle(
    application
      ? t('benefitPages.staff.application.title', { no: application.applicationNo })
      : t('benefitPages.staff.queue.title'),
  );
  if (query.isPending) return <BenefitsLoading />;
  if (query.isError || !application)
    return (
      <div className="page benefit-page">
        <Typography.Title level={1}>{t('benefitPages.staff.queue.title')}</Typography.Title>
        <LoadFailure error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const officer = actsOnBenefits(user);
  const open = application.state !== 'decided' && application.state !== 'withdrawn';
  return (
    <div className="page page-wide benefit-page" data-state={application.state}>
      <Link to="/staff/applications">{t('benefitPages.staff.application.back')}</Link>
      <Typography.Title level={1}>
        {t('benefitPages.staff.application.title', { no: application.applicationNo })}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to={`/staff/persons/${application.personId}`}>
          {t('benefitPages.staff.application.personLink')}
        </Link>
      </Typography.Paragraph>
      <ApplicationSummary application={application} />
      <TitledSection id="application-clock" title={t('benefitPages.clock.title')}>
        <ClockView application={application} />
      </TitledSection>
      {application.decision && (
        <TitledSection id="application-decision" title={t('benefitPages.decision.title')}>
          <DecisionView decision={application.decision} applicationKind={application.kind} />
          {application.decision.kind === 'award' &&
            (application.kind === 'pension' || isClaim(application.kind)) && (
              <ApplicationAward application={application} />
            )}
        </TitledSection>
      )}
      {application.kind === 'work-injury' && application.decision?.kind === 'identified' && (
        <TitledSection id="application-appraisals" title={t('benefitPages.claims.injury.appraisalsTitle')}>
          <InjuryAppraisals application={application} officer={officer} />
        </TitledSection>
      )}
      {application.kind === 'work-injury' && application.decision?.kind === 'identified' && (
        <TitledSection id="application-stoppage" title={t('benefitPages.claims.stoppage.title')}>
          <InjuryStoppage application={application} officer={officer} />
        </TitledSection>
      )}
      {application.correction && (
        <TitledSection id="application-correction" title={t('benefitPages.recordCorrection.title')}>
          <CorrectionView correction={application.correction} audience="staff" />
          {officer &&
            application.correction.status === 'granted' &&
            application.correction.reassessedAt === null && <FinishReassessment application={application} />}
        </TitledSection>
      )}
      <TitledSection id="application-facts" title={t('benefitPages.facts.title')}>
        <FactsView application={application} />
      </TitledSection>
      <TitledSection id="application-documents" title={t('benefitPages.documents.title')}>
        <DocumentsTable application={application} />
        {officer && open && (
          <>
            <Typography.Title level={3} className="subsection-title">
              {t('benefitPages.documents.uploadTitle')}
            </Typography.Title>
            <DocumentUpload application={application} />
          </>
        )}
      </TitledSection>
      <TitledSection id="application-events" title={t('benefitPages.events.title')}>
        <EventsList events={application.events} showLogins />
      </TitledSection>
      {open && (
        <TitledSection id="application-actions" title={t('benefitPages.staff.application.actions')}>
          {officer ? (
            <Actions application={application} />
          ) : (
            <Typography.Paragraph type="secondary">
              {t('benefitPages.staff.application.readOnly')}
            </Typography.Paragraph>
          )}
        </TitledSection>
      )}
    </div>
  );
}

/** The award a decided pension claim recorded, every part explained. */
function ApplicationAward({ application }: { application: Application }) {
  const awards = useQuery({
    queryKey: benefitKeys.awards(application.personId),
    queryFn: () => fetchAwards(application.personId),
  });
  const award = awards.data?.items.filter((item) => item.applicationId === application.id).at(-1);
  if (awards.isPending) return <BenefitsLoading />;
  if (awards.isError) return <ProblemAlert error={awards.error} describe={problemMessage} />;
  return award ? <AwardView award={award} headingLevel={3} /> : null;
}

function Actions({ application }: { application: Application }) {
  const underReview = application.state === 'under-review';
  if (application.kind === 'work-injury')
    return (
      <div className="benefit-actions">
        {underReview && <NoteAction application={application} action="request" />}
        {application.state === 'awaiting-material' && (
          <NoteAction application={application} action="received" />
        )}
        {underReview && application.clock.days > 15 && <ClearCase application={application} />}
        {underReview && <IdentifyForm application={application} />}
        <RefuseInjuryForm application={application} />
      </div>
    );
  return (
    <div className="benefit-actions">
      {isClaim(application.kind) && (underReview || application.state === 'proposed') && (
        <ClaimProposal application={application} canPropose={underReview} />
      )}
      {application.state === 'under-review' && <NoteAction application={application} action="request" />}
      {application.state === 'awaiting-material' && (
        <NoteAction application={application} action="received" />
      )}
      {application.state === 'under-review' && application.kind === 'pension' && (
        <ProposeAward application={application} />
      )}
      {application.state === 'under-review' && application.kind === 'record-correction' && (
        <ProposeCorrection application={application} />
      )}
      {application.state === 'proposed' && <DecideAward application={application} />}
      {(application.state === 'under-review' || application.state === 'awaiting-material') && (
        <RefuseForm application={application} />
      )}
    </div>
  );
}

/** Asking for material (the clock stops) or recording that it came (the clock runs again), with a note. */
function NoteAction({ application, action }: { application: Application; action: 'request' | 'received' }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const [form] = Form.useForm<{ note: string }>();
  const write = useMutation({
    mutationFn: (note: string) =>
      action === 'request'
        ? requestMaterial(application.id, note)
        : recordMaterialReceived(application.id, note),
    onSuccess: (updated) => {
      form.resetFields();
      applied(updated);
    },
  });
  const A = 'benefitPages.staff.application';
  const title = action === 'request' ? t(`${A}.requestMaterial`) : t(`${A}.recordMaterial`);
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{title}</h3>}>
      <Form
        form={form}
        layout="vertical"
        name={`note-${action}`}
        onFinish={(values) => write.mutate(values.note.trim())}
      >
        <Form.Item
          name="note"
          label={action === 'request' ? t(`${A}.materialNote`) : t(`${A}.receivedNote`)}
          rules={[
            {
              required: true,
              whitespace: true,
              message: action === 'request' ? t(`${A}.materialNoteRequired`) : t(`${A}.receivedNoteRequired`),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <div aria-live="polite">
          {write.isError && <ProblemAlert error={write.error} describe={problemMessage} />}
        </div>
        <Button type="primary" htmlType="submit" loading={write.isPending}>
          {title}
        </Button>
      </Form>
    </Card>
  );
}

/** Refusing, with one or more reasons, each with its legal source. */
function RefuseForm({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const A = 'benefitPages.staff.application';
  const refuse = useMutation({
    mutationFn: (reasons: DecisionReason[]) => refuseApplication(application.id, reasons),
    onSuccess: (updated) => applied(updated),
  });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${A}.refuseTitle`)}</h3>}>
      <Form<{ reasons: DecisionReason[] }>
        layout="vertical"
        name="refusal"
        initialValues={{ reasons: [{ code: '', message: '', source: '' }] }}
        onFinish={(values) =>
          refuse.mutate(
            values.reasons.map((reason) => ({
              code: reason.code.trim(),
              message: reason.message.trim(),
              source: reason.source.trim(),
            })),
          )
        }
      >
        <ReasonFields />
        <div aria-live="polite" className="benefit-section">
          {refuse.isError && <ProblemAlert error={refuse.error} describe={problemMessage} />}
        </div>
        <Button
          danger
          type="primary"
          htmlType="submit"
          loading={refuse.isPending}
          className="benefit-section"
        >
          {t(`${A}.refuse`)}
        </Button>
      </Form>
    </Card>
  );
}

/** Assessing a pension claim with the deemed months confirmed, and proposing its award with their evidence. */
function ProposeAward({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const A = 'benefitPages.staff.application';
  const claimed = Number((application.facts as { deemedMonthsClaimed?: number }).deemedMonthsClaimed ?? 0);
  const [deemedMonths, setDeemedMonths] = useState(claimed);
  const [assessed, setAssessed] = useState<number | null>(null);
  const [evidence, setEvidence] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const key = useRef(newIdempotencyKey());
  const assessment = useQuery({
    queryKey: benefitKeys.assessment(application.id, assessed ?? 0),
    queryFn: () => fetchAssessment(application.id, assessed ?? 0),
    enabled: assessed !== null,
  });
  const propose = useMutation({
    mutationFn: () =>
      proposeAward(
        application.id,
        { deemedMonths, evidenceDocumentIds: evidence, ...(note.trim() ? { note: note.trim() } : {}) },
        key.current,
      ),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      applied();
    },
  });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${A}.proposeTitle`)}</h3>}>
      <Typography.Paragraph type="secondary">{t(`${A}.proposeHint`)}</Typography.Paragraph>
      <Space wrap align="end">
        <div className="benefit-toolbar-field">
          <label htmlFor="propose-deemed">{t(`${A}.assessDeemed`)}</label>
          <InputNumber
            id="propose-deemed"
            min={0}
            max={600}
            precision={0}
            value={deemedMonths}
            onChange={(value) => setDeemedMonths(Number(value ?? 0))}
          />
        </div>
        <Button onClick={() => setAssessed(deemedMonths)} loading={assessment.isFetching}>
          {t(`${A}.assess`)}
        </Button>
      </Space>
      <div aria-live="polite" className="benefit-section">
        {assessment.isError && <ProblemAlert error={assessment.error} describe={problemMessage} />}
        {assessment.data && assessed !== null && (
          <>
            <Typography.Title level={4} className="subsection-title">
              {t('benefitPages.assessment.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('benefitPages.assessment.deemedBasis', { count: assessed })}
            </Typography.Paragraph>
            <AssessmentView assessment={assessment.data} />
          </>
        )}
      </div>
      <fieldset className="benefit-section benefit-fieldset">
        <legend>{t(`${A}.evidence`)}</legend>
        {application.documents.length === 0 ? (
          <Typography.Text type="secondary">{t('benefitPages.documents.empty')}</Typography.Text>
        ) : (
          <Checkbox.Group
            value={evidence}
            onChange={(values) => setEvidence(values)}
            options={application.documents.map((document) => ({
              value: document.id,
              label: (
                <>
                  {t(`benefitPages.documents.kinds.${document.kind as 'identity'}`, {
                    defaultValue: document.kind,
                  })}{' '}
                  <code>{document.fileName}</code>
                </>
              ),
            }))}
          />
        )}
      </fieldset>
      <div className="benefit-toolbar-field benefit-section">
        <label htmlFor="propose-note">{t(`${A}.proposeNote`)}</label>
        <Input.TextArea
          id="propose-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div aria-live="polite" className="benefit-section">
        {propose.isError && <ProblemAlert error={propose.error} describe={problemMessage} />}
        {propose.isSuccess && (
          <Typography.Text type="success" role="status">
            {t(`${A}.proposed`, { id: propose.data.id })}
          </Typography.Text>
        )}
      </div>
      <Button
        type="primary"
        className="benefit-section"
        loading={propose.isPending}
        onClick={() => propose.mutate()}
      >
        {t(`${A}.propose`)}
      </Button>
    </Card>
  );
}

/**
 * The second officer's decision on a proposed award or correction of the record; the proposer is refused
 * (shown translated).
 */
function DecideAward({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const A = 'benefitPages.staff.application';
  const [note, setNote] = useState('');
  const proposer = application.events.findLast((event) => event.kind === 'decision-proposed')?.byLogin ?? '';
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      (application.kind === 'record-correction' ? decideCorrection : decideAward)(
        application.id,
        decision,
        note.trim() || undefined,
      ),
    onSuccess: () => applied(),
  });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${A}.decideTitle`)}</h3>}>
      <Typography.Paragraph>
        {t(`${A}.decideHint`, { who: proposer.replace(/^staff:/, '') })}
      </Typography.Paragraph>
      <div className="benefit-toolbar-field">
        <label htmlFor="decide-note">{t(`${A}.decisionNote`)}</label>
        <Input.TextArea
          id="decide-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <Space className="benefit-section">
        <Button
          type="primary"
          loading={decide.isPending && decide.variables === 'approve'}
          disabled={decide.isPending}
          onClick={() => decide.mutate('approve')}
        >
          {t(`${A}.approve`)}
        </Button>
        <Button
          danger
          loading={decide.isPending && decide.variables === 'reject'}
          disabled={decide.isPending}
          onClick={() => decide.mutate('reject')}
        >
          {t(`${A}.reject`)}
        </Button>
      </Space>
      <div aria-live="polite" className="benefit-section">
        {decide.isError && <ProblemAlert error={decide.error} describe={problemMessage} />}
      </div>
    </Card>
  );
}

/**
 * A granted correction whose months were not reassessed (cut off after the approval): approving it again
 * reassesses them, once.
 */
function FinishReassessment({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const finish = useMutation({
    mutationFn: () => decideCorrection(application.id, 'approve'),
    onSuccess: () => applied(),
  });
  return (
    <div className="benefit-section">
      <Button loading={finish.isPending} onClick={() => finish.mutate()}>
        {t('benefitPages.recordCorrection.reassess')}
      </Button>
      <div aria-live="polite">
        {finish.isError && <ProblemAlert error={finish.error} describe={problemMessage} />}
      </div>
    </div>
  );
}
