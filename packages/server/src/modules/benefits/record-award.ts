import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { moveApplication } from './application-transition.ts';
import { requireApplication } from './read-application.ts';
import {
  insertAward,
  selectAwardOfApplication,
  selectPersonAwards,
  type AwardRow,
} from './awards.repository.ts';
import { payee, type AwardView } from './applications.schemas.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import { periodText } from '../../http/shared.schemas.ts';
import { FUNDS } from '@shebao/domain';

/** A later amount of a monthly award known when it is made (months 13 on of an unemployment benefit). */
export const awardStep = z.strictObject({
  validFrom: periodText,
  monthlyFen: z.number().int().min(0),
  reason: z.string().min(1),
});

/** The one-time payments an award makes (a subsidy, an allowance), each out of the award's fund. */
export const awardOneTimePayment = z.strictObject({
  kind: z.enum([
    'injury-disability-subsidy',
    'injury-funeral',
    'injury-death-subsidy',
    'injury-medical',
    'maternity-allowance',
    'maternity-medical',
  ]),
  amountFen: z.number().int().positive(),
  payeeName: z.string().min(1),
  payee,
  reason: z.string().min(1),
});
export type AwardOneTimePayment = z.infer<typeof awardOneTimePayment>;

/** What a second person approves: the award as worked out, with its explanation (docs/RULES.md 14.4). */
export const awardPayload = z.strictObject({
  applicationId: z.number().int().positive(),
  monthlyFen: z.number().int().min(0),
  validFrom: periodText,
  payee,
  deemedMonths: z.number().int().min(0),
  evidenceDocumentIds: z.array(z.number().int().positive()),
  explanation: z.record(z.string(), z.unknown()),
  reason: z.string().min(1),
  /** The payroll's inputs (docs/RULES.md 14.15): the account part, the balance it draws down, the payee's name. */
  accountPartFen: z.number().int().min(0).default(0),
  accountBalanceFen: z.number().int().min(0).default(0),
  payeeName: z.string().min(1).optional(),
  /** The first month Shebao pays, when a previous system paid the months before it (carried-over awards). */
  firstMonthToPay: periodText.optional(),
  /** Paid and deemed months counted (the yearly adjustment's per-year part reads it; docs/RULES.md 14.11). */
  contributionMonths: z.number().int().min(0).optional(),
  /** The fund that pays the award (docs/RULES.md 14.17). */
  fund: z.enum(FUNDS).default('pension'),
  /** The last month owed by an award of a fixed number of months. */
  lastMonth: periodText.optional(),
  /** Later amounts from their months, recorded as the award's next versions. */
  laterSteps: z.array(awardStep).max(1).default([]),
  oneTimePayments: z.array(awardOneTimePayment).max(10).default([]),
  /**
   * The employer the work-injury fund advances the benefits for: it had not insured the person, so it owes
   * them (WIIR Art. 62; docs/RULES.md 15.22).
   */
  advancedForEmployer: z.number().int().positive().optional(),
  /** The payroll's kind of the award when not the application's (a survivors' pension). */
  rollKind: z.string().min(1).optional(),
  /** The legal source of the decision to award, given with its reason. */
  decisionSource: z.string().min(1).default('SIL Art. 16; GF-2005-38'),
});
export type AwardPayload = z.infer<typeof awardPayload>;
/** An award as proposed: the fund, steps, one-time payments and source may be left to their defaults. */
export type NewAwardPayload = z.input<typeof awardPayload>;

/** Checks a proposed award against its application before anyone is asked to approve it. */
export async function checkAwardProposal(deps: BenefitsDeps, payload: unknown): Promise<AwardPayload> {
  const parsed = awardPayload.safeParse(payload);
  if (!parsed.success) throw new AppError(ErrorCode.VALIDATION, 'payload: is not a benefit award');
  const application = await requireApplication(deps, parsed.data.applicationId);
  if (application.state !== 'under-review')
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.application_no} is ${application.state}`,
      {
        field: 'applicationId',
        detailCode: 'application-state',
      },
    );
  return parsed.data;
}

/**
 * Records an approved award as version 1 and decides its application, inside the approval's transaction:
 * both or neither. The award's number follows the application's.
 */
export async function recordAward(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  payload: AwardPayload,
  who: { proposedBy: string; approvedBy: string; approvalId: number },
): Promise<{ awardNo: string; version: number; laterVersions: number[] }> {
  const inTransaction = { ...deps, db: trx };
  const application = await requireApplication(inTransaction, payload.applicationId);
  if (await selectAwardOfApplication(trx, application.id))
    throw new AppError(ErrorCode.CONFLICT, `application ${application.application_no} already has an award`, {
      field: 'applicationId',
      detailCode: 'application-state',
    });
  const awardNo = `AW${application.application_no.slice(2)}`;
  const versions = [
    { validFrom: payload.validFrom, monthlyFen: payload.monthlyFen, reason: payload.reason },
    ...payload.laterSteps,
  ];
  for (const [index, version] of versions.entries())
    await insertAward(trx, {
      award_no: awardNo,
      version: index + 1,
      application_id: application.id,
      person_id: application.person_id,
      region_code: application.region_code,
      kind: application.kind,
      monthly_fen: version.monthlyFen,
      valid_from: version.validFrom,
      payee_kind: payload.payee.kind,
      payee_account: payload.payee.account,
      explanation: JSON.stringify(payload.explanation),
      reason: version.reason,
      proposed_by: who.proposedBy,
      approved_by: who.approvedBy,
      approval_id: who.approvalId,
      recorded_at: deps.clock.now().toISOString(),
      contribution_months: payload.contributionMonths ?? null,
    });
  await moveApplication(
    deps,
    application.id,
    {
      from: ['proposed'],
      to: 'decided',
      event: 'decided',
      note: payload.reason,
      decision: {
        decision: 'award',
        decision_reasons: JSON.stringify([
          { code: 'eligible', message: payload.reason, source: payload.decisionSource },
        ]),
      },
      approvalId: who.approvalId,
    },
    { login: who.approvedBy, side: 'staff' },
    trx,
  );
  return { awardNo, version: 1, laterVersions: payload.laterSteps.map((_, index) => index + 2) };
}

/** Every version of a person's awards, the account masked to its last four digits. */
export async function listPersonAwards(deps: BenefitsDeps, personId: number): Promise<AwardView[]> {
  return (await selectPersonAwards(deps.db, personId)).map(toAwardView);
}

export function toAwardView(row: AwardRow): AwardView {
  return {
    awardNo: row.award_no,
    version: row.version,
    applicationId: row.application_id,
    personId: row.person_id,
    regionCode: row.region_code,
    kind: row.kind,
    monthlyFen: row.monthly_fen,
    validFrom: row.valid_from,
    payee: { kind: row.payee_kind, accountMasked: `****${row.payee_account.slice(-4)}` },
    explanation: JSON.parse(row.explanation) as Record<string, unknown>,
    reason: row.reason,
    proposedBy: row.proposed_by,
    approvedBy: row.approved_by,
    recordedAt: row.recorded_at,
  };
}
