import { formatFenAsYuan } from '@shebao/domain';
import { AppError, ErrorCode } from '../errors/index.ts';
import type { ChangeApplier } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import {
  CLAIM_KINDS,
  awardPayload,
  awardProposalInput,
  type ApplicationView,
  type AwardPayload,
  type AwardProposalInput,
  type NewAwardPayload,
  type BenefitsService,
} from '../modules/benefits/index.ts';
import type { Approval, ApprovalService } from '../modules/approvals/index.ts';
import { fromZodError } from '../errors/index.ts';
import type { Clock } from '../app/clock.ts';
import {
  enrolAward,
  recordAwardVersions,
  scheduleOneTimePayments,
  type PayrollService,
} from '../modules/payroll/index.ts';
import { assessBenefitClaim } from './assess-benefit-claim.ts';
import type { RegistrationService } from '../modules/registration/index.ts';

/*
 * Awarding a benefit (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.4): a benefits officer works the
 * claim out from the record (benefits) and proposes the award (approvals); a second officer approves it,
 * which records the award and decides the application in the approval's transaction.
 */

/**
 * The award's applier: benefits officers and administrators propose and approve. Approving records the
 * award and puts it on the payroll (docs/RULES.md 14.14) in the approval's transaction.
 */
export function benefitAwardApplier(benefits: BenefitsService, clock: Clock): ChangeApplier<NewAwardPayload> {
  return {
    roles: ['admin', 'benefits_officer'],
    check: async (payload, db) => {
      await benefits.checkAwardProposal(payload, db);
    },
    apply: async (trx, proposed, who) => {
      const payload = awardPayload.parse(proposed);
      const award = await benefits.recordAward(trx, payload, who);
      const application = await benefits.get(payload.applicationId, trx);
      const recordedAt = clock.now().toISOString();
      const payeeName = payload.payeeName ?? application.applicationNo;
      if (payload.monthlyFen > 0 || payload.laterSteps.length > 0) {
        await enrolAward(trx, {
          awardNo: award.awardNo,
          personId: application.personId,
          regionCode: application.regionCode,
          kind: payload.rollKind ?? application.kind,
          fund: payload.fund,
          payeeName,
          validFrom: payload.validFrom,
          monthlyFen: payload.monthlyFen,
          accountPartFen: payload.accountPartFen,
          accountBalanceFen: payload.accountBalanceFen,
          payee: payload.payee,
          ...(payload.firstMonthToPay ? { firstMonthToPay: payload.firstMonthToPay } : {}),
          ...(payload.advancedForEmployer ? { advancedForEmployer: payload.advancedForEmployer } : {}),
          // A benefit of a fixed number of months ends with them, and needs no survival verification
          // for them (the person signs on at the employment service every month instead).
          ...(payload.lastMonth ? { lastMonth: payload.lastMonth, verifiedThrough: payload.lastMonth } : {}),
          recordedAt,
        });
        await recordAwardVersions(
          trx,
          payload.laterSteps.map((step, index) => ({
            awardNo: award.awardNo,
            version: award.laterVersions[index]!,
            validFrom: step.validFrom,
            monthlyFen: step.monthlyFen,
          })),
          { key: `award:${award.awardNo}`, note: 'later amount of the award', recordedAt },
        );
      }
      // A pension of a person disabled at grades 1–4 takes the place of the allowance (docs/RULES.md 15.5).
      if (application.kind === 'pension') {
        const changes = await benefits.moveInjuryAllowanceToPension(
          trx,
          {
            personId: application.personId,
            pensionFrom: payload.validFrom,
            pensionMonthlyFen: payload.monthlyFen,
          },
          who,
        );
        for (const change of changes)
          await recordAwardVersions(
            trx,
            [
              {
                awardNo: change.awardNo,
                version: change.version,
                validFrom: change.fromPeriod,
                monthlyFen: change.newMonthlyFen,
              },
            ],
            {
              key: `retirement:${change.awardNo}:${change.version}`,
              note: `Award ${change.awardNo}: the pension from ${change.fromPeriod} takes the place of the disability allowance`,
              recordedAt,
            },
          );
      }
      await scheduleOneTimePayments(
        trx,
        payload.oneTimePayments.map((payment, index) => ({
          kind: payment.kind,
          fund: payload.fund,
          personId: application.personId,
          regionCode: application.regionCode,
          payeeName: payment.payeeName,
          payeeAccount: payment.payee.account,
          pooledFen: payment.amountFen,
          accountFen: 0,
          recoveredFen: 0,
          recoversClaimId: null,
          reason: payment.reason,
          explanation: payload.explanation,
          sourceKey: `award:${award.awardNo}:${index + 1}`,
          approvalId: who.approvalId,
          ...(payload.advancedForEmployer ? { advancedForEmployer: payload.advancedForEmployer } : {}),
        })),
        recordedAt,
      );
      return award;
    },
    // However it is rejected (here or on the approvals page), the application goes back to review.
    rejected: (trx, payload, who) =>
      benefits.returnToReview(payload.applicationId, { login: who.rejectedBy, side: 'staff' }, trx),
  };
}

/**
 * Proposes the award of a pension application: assess it from the record with the deemed months staff
 * confirm (each backed by a document of the application), refuse to propose what is not eligible (refuse
 * the application instead, with the reasons the assessment gives), store the proposal, and mark the
 * application as waiting for the second person. The same idempotency key proposes once.
 */
export async function proposeBenefitAward(
  app: {
    benefits: BenefitsService;
    approvals: ApprovalService;
    registration: RegistrationService;
    payroll: PayrollService;
  },
  applicationId: number,
  input: AwardProposalInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ approval: Approval; replayed: boolean }> {
  const parsed = awardProposalInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { deemedMonths, evidenceDocumentIds, note } = parsed.data;
  const application = await app.benefits.get(applicationId);
  if ((CLAIM_KINDS as readonly string[]).includes(application.kind))
    return proposeClaimAward(app, application, parsed.data, proposer, idempotencyKey);
  const documentIds = new Set(application.documents.map((document) => document.id));
  const unknown = evidenceDocumentIds.find((id) => !documentIds.has(id));
  if (unknown !== undefined)
    throw new AppError(
      ErrorCode.VALIDATION,
      `evidenceDocumentIds: document ${unknown} is not attached to this application`,
      {
        field: 'evidenceDocumentIds',
      },
    );
  if (deemedMonths > 0 && evidenceDocumentIds.length === 0)
    throw new AppError(
      ErrorCode.VALIDATION,
      'evidenceDocumentIds: deemed months need the documents that prove them',
      {
        field: 'evidenceDocumentIds',
      },
    );
  if (application.kind !== 'pension')
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.applicationNo} is a ${application.kind} application: it is not decided by an award`,
      { field: 'applicationId', detailCode: 'application-state' },
    );
  const { outcome, inputs } = await app.benefits.assessPension(applicationId, deemedMonths);
  if (!outcome.eligible)
    throw new AppError(
      ErrorCode.VALIDATION,
      `applicationId: the claim is not eligible (${outcome.reasons.map((reason) => reason.message).join(' ')}); refuse it with these reasons`,
      { field: 'applicationId', detailCode: 'claim-not-eligible' },
    );
  const facts = application.facts as { payee: AwardPayload['payee'] };
  const payload: NewAwardPayload = {
    applicationId,
    monthlyFen: outcome.pension.totalFen,
    validFrom: outcome.startMonth,
    payee: facts.payee,
    deemedMonths,
    evidenceDocumentIds,
    explanation: {
      eligibility: outcome.explanation.eligibility,
      averageIndex: outcome.index.explanation,
      ...outcome.pension.explanation,
    },
    contributionMonths: outcome.contributionMonths,
    reason:
      `Basic pension from ${outcome.startMonth}: ${outcome.contributionMonths} contribution months ` +
      `(minimum ${outcome.minContributionMonths})${note ? `. ${note}` : ''}`,
    accountPartFen: outcome.pension.accountFen,
    accountBalanceFen: inputs.accountBalanceFen,
    payeeName: (await app.registration.getPerson(application.personId)).name,
  };
  return storeProposal(
    app,
    application,
    payload,
    `Pension award ${application.applicationNo}: ${formatFenAsYuan(outcome.pension.totalFen)} yuan a month from ${outcome.startMonth}`,
    proposer,
    idempotencyKey,
  );
}

/**
 * Proposes the award of a claim of work-injury benefits, unemployment or maternity as the record and the
 * region's policy give it (docs/RULES.md 15.17–15.19); a claim nothing is owed on is refused instead, with
 * the reasons the assessment gives.
 */
async function proposeClaimAward(
  app: {
    benefits: BenefitsService;
    approvals: ApprovalService;
    registration: RegistrationService;
    payroll: PayrollService;
  },
  application: ApplicationView,
  input: { evidenceDocumentIds: number[]; note?: string | undefined },
  proposer: Principal,
  idempotencyKey: string | undefined,
): Promise<{ approval: Approval; replayed: boolean }> {
  const assessment = await assessBenefitClaim(app, application.id);
  if (!assessment.eligible)
    throw new AppError(
      ErrorCode.VALIDATION,
      `applicationId: nothing is owed on the claim (${assessment.reasons.map((reason) => reason.message).join(' ')}); refuse it with these reasons`,
      { field: 'applicationId', detailCode: 'claim-not-eligible' },
    );
  const facts = application.facts as { payee: AwardPayload['payee'] };
  const payload: NewAwardPayload = {
    applicationId: application.id,
    monthlyFen: assessment.monthlyFen,
    validFrom: assessment.validFrom,
    ...(assessment.lastMonth ? { lastMonth: assessment.lastMonth } : {}),
    laterSteps: assessment.laterSteps ?? [],
    oneTimePayments: assessment.oneTimePayments,
    fund: assessment.fund,
    payee: facts.payee,
    deemedMonths: 0,
    evidenceDocumentIds: input.evidenceDocumentIds,
    explanation: assessment.explanation,
    reason: `${assessment.reason}${input.note ? `. ${input.note}` : ''}`,
    decisionSource: assessment.decisionSource,
    ...(assessment.rollKind ? { rollKind: assessment.rollKind } : {}),
    ...(assessment.advancedForEmployer ? { advancedForEmployer: assessment.advancedForEmployer } : {}),
    payeeName: assessment.payeeName ?? (await app.registration.getPerson(application.personId)).name,
  };
  return storeProposal(
    app,
    application,
    payload,
    `Award ${application.applicationNo}: ${assessment.reason}`,
    proposer,
    idempotencyKey,
  );
}

async function storeProposal(
  app: { benefits: BenefitsService; approvals: ApprovalService },
  application: ApplicationView,
  payload: NewAwardPayload,
  summary: string,
  proposer: Principal,
  idempotencyKey: string | undefined,
): Promise<{ approval: Approval; replayed: boolean }> {
  const proposed = await app.approvals.proposeOnce(
    'benefits.award',
    payload,
    { regionCode: application.regionCode, summary },
    proposer,
    idempotencyKey,
  );
  if (!proposed.replayed)
    await app.benefits.markAwardProposed(application.id, proposed.approval.id, {
      login: proposer.loginKey,
      side: 'staff',
    });
  return proposed;
}

/**
 * The second person's decision on a proposed award: approving records the award, rejecting sends the
 * application back to review with the clock running, each in the approval's transaction (the applier).
 */
export async function decideBenefitAward(
  app: { benefits: BenefitsService; approvals: ApprovalService },
  applicationId: number,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<Approval> {
  const application = await app.benefits.get(applicationId);
  if (application.state !== 'proposed' || application.approvalId === null)
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.applicationNo} has no award waiting for approval`,
      {
        field: 'applicationId',
        detailCode: 'application-state',
      },
    );
  return decision.approve
    ? app.approvals.approve(application.approvalId, decider, decision.note)
    : app.approvals.reject(application.approvalId, decider, decision.note);
}
