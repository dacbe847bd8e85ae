import { addMonths, formatFenAsYuan, versionInForce } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { periodText } from '../../http/shared.schemas.ts';
import { payee } from './applications.schemas.ts';
import {
  insertAward,
  selectFirstVersionStart,
  selectLatestAward,
  selectPersonAwards,
  type AwardRow,
} from './awards.repository.ts';
import type { BenefitsDeps } from './benefits-deps.ts';

/** What staff propose to correct in an award, from a month on (docs/RULES.md 14.12). */
export const awardCorrectionInput = z
  .strictObject({
    validFrom: periodText,
    monthlyFen: z.number().int('must be whole fen').min(0).max(100_000_000).optional(),
    payee: payee.optional(),
    reason: z.string().trim().min(1, 'say why the award is corrected').max(1000),
  })
  .refine((input) => input.monthlyFen !== undefined || input.payee !== undefined, {
    message: 'correct the amount, the payee account or both',
    path: ['monthlyFen'],
  });
export type AwardCorrectionInput = z.infer<typeof awardCorrectionInput>;

/** What a second person approves: the correction, and the version it corrects (so none is lost meanwhile). */
export const awardCorrectionPayload = z.strictObject({
  personId: z.number().int().positive(),
  awardNo: z.string().min(1),
  basedOnVersion: z.number().int().positive(),
  validFrom: periodText,
  monthlyFen: z.number().int().min(0).optional(),
  payee: payee.optional(),
  reason: z.string().min(1),
});
export type AwardCorrectionPayload = z.infer<typeof awardCorrectionPayload>;

/** What a new version changed, for the payroll's arrears or recoveries on months already paid. */
export interface AwardChange {
  awardNo: string;
  version: number;
  fromPeriod: string;
  oldMonthlyFen: number;
  newMonthlyFen: number;
  /** What the month before fromPeriod is owed, when the version goes back before the latest one. */
  priorMonthlyFen?: number;
  /** The new payee account, when the version changes it. */
  payee?: { kind: 'bank' | 'card'; account: string };
  recordedAt: string;
}

/** The latest version of a person's award; another person's award is not found (least knowledge). */
export async function requireLatestAward(
  db: Kysely<Database>,
  personId: number,
  awardNo: string,
): Promise<AwardRow> {
  const latest = await selectLatestAward(db, awardNo);
  if (!latest || Number(latest.person_id) !== personId)
    throw new AppError(ErrorCode.NOT_FOUND, `awardNo: no award ${awardNo} of person ${personId}`, {
      field: 'awardNo',
    });
  return latest;
}

/** Checks a correction against the award as it is now, before anyone is asked to approve it. */
export async function checkAwardCorrection(
  db: Kysely<Database>,
  payload: unknown,
): Promise<{ payload: AwardCorrectionPayload; latest: AwardRow }> {
  const parsed = awardCorrectionPayload.safeParse(payload);
  if (!parsed.success) throw new AppError(ErrorCode.VALIDATION, 'payload: is not an award correction');
  const correction = parsed.data;
  const latest = await requireLatestAward(db, correction.personId, correction.awardNo);
  if (latest.version !== correction.basedOnVersion)
    throw new AppError(
      ErrorCode.CONFLICT,
      `award ${correction.awardNo} has version ${latest.version} now, not ${correction.basedOnVersion}: propose the correction again`,
      { field: 'awardNo', detailCode: 'award-version-changed' },
    );
  const first = await selectFirstVersionStart(db, correction.awardNo);
  if (correction.validFrom < first)
    throw new AppError(
      ErrorCode.VALIDATION,
      `validFrom: the award starts in ${first}; a correction cannot start before it`,
      { field: 'validFrom' },
    );
  const sameAmount = correction.monthlyFen === undefined || correction.monthlyFen === latest.monthly_fen;
  const samePayee =
    correction.payee === undefined ||
    (correction.payee.kind === latest.payee_kind && correction.payee.account === latest.payee_account);
  if (sameAmount && samePayee)
    throw new AppError(ErrorCode.VALIDATION, 'monthlyFen: the correction changes nothing', {
      field: 'monthlyFen',
    });
  return { payload: correction, latest };
}

/**
 * Records an approved correction as the award's next version, inside the approval's transaction: the old
 * versions stay as they were (docs/RULES.md 14.4, 14.12). The explanation keeps the parts of the version it
 * corrects and adds the correction with its reason.
 */
export async function recordAwardCorrection(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  payload: AwardCorrectionPayload,
  who: { proposedBy: string; approvedBy: string; approvalId: number },
): Promise<AwardChange> {
  const { payload: correction, latest } = await checkAwardCorrection(trx, payload);
  const monthlyFen = correction.monthlyFen ?? latest.monthly_fen;
  const account = correction.payee ?? { kind: latest.payee_kind, account: latest.payee_account };
  const version = latest.version + 1;
  // The month before the correction keeps the version in force in it (docs/RULES.md 14.5).
  const before = versionInForce(
    (await selectPersonAwards(trx, correction.personId))
      .filter((row) => row.award_no === correction.awardNo)
      .map((row) => ({
        version: row.version,
        validFrom: row.valid_from,
        monthlyFen: Number(row.monthly_fen),
      })),
    addMonths(correction.validFrom, -1),
  );
  const recordedAt = deps.clock.now().toISOString();
  const changes = [
    ...(monthlyFen === latest.monthly_fen
      ? []
      : [`${formatFenAsYuan(latest.monthly_fen)} → ${formatFenAsYuan(monthlyFen)} yuan a month`]),
    ...(correction.payee ? [`payee ${account.kind} ****${account.account.slice(-4)}`] : []),
  ];
  await insertAward(trx, {
    award_no: latest.award_no,
    version,
    application_id: latest.application_id,
    person_id: latest.person_id,
    region_code: latest.region_code,
    kind: latest.kind,
    monthly_fen: monthlyFen,
    valid_from: correction.validFrom,
    payee_kind: account.kind,
    payee_account: account.account,
    contribution_months: latest.contribution_months,
    explanation: JSON.stringify({
      ...(JSON.parse(latest.explanation) as Record<string, unknown>),
      [`correction-${version}`]: {
        rule: 'A correction is a new version of the award from a month on, approved by a second person; the months it touches are settled by the payroll.',
        formula: `version ${latest.version} → ${version} from ${correction.validFrom}: ${changes.join('; ')}`,
        inputs: { reason: correction.reason, correctedVersion: String(latest.version) },
        sources: ['SIL Art. 16', 'SIHR'],
      },
    }),
    reason: correction.reason,
    proposed_by: who.proposedBy,
    approved_by: who.approvedBy,
    approval_id: who.approvalId,
    recorded_at: recordedAt,
  });
  return {
    awardNo: latest.award_no,
    version,
    fromPeriod: correction.validFrom,
    oldMonthlyFen: latest.monthly_fen,
    newMonthlyFen: monthlyFen,
    priorMonthlyFen: before?.monthlyFen ?? monthlyFen,
    ...(correction.payee ? { payee: correction.payee } : {}),
    recordedAt,
  };
}
