import { chinaDateOf, dateToPeriod, regionCodePrefix } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../app/clock.ts';
import type { Database } from '../db/index.ts';
import { AppError, ErrorCode, fromZodError, isAppError } from '../errors/index.ts';
import type { Approval, ApprovalService, ChangeApplier } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import {
  recordCorrectionInput,
  recordCorrectionPayload,
  type BenefitsService,
  type MonthsToReassess,
  type RecordChange,
  type RecordCorrectionInput,
  type RecordCorrectionPayload,
} from '../modules/benefits/index.ts';
import { selectAdjustmentsOfPerson } from '../modules/collection/index.ts';
import type { PolicyService } from '../modules/policy/index.ts';
import type { RegistrationService } from '../modules/registration/index.ts';
import { reassessMonths } from './reassess-months.ts';

/*
 * Granting a request to correct the record (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.19): a
 * benefits officer proposes the changes to the register (registration's own operations: a corrected base,
 * a spell of employment added or ended) with the reasons (approvals); a second officer approves, which
 * applies the changes and decides the application in the approval's transaction (registration, benefits).
 * Then the months the changes touch are reassessed (collection, payments), one transaction per month, and
 * the adjustment bills or credits that carry the person's lines are recorded on the application (benefits).
 */

const KIND = 'benefits.correctRecord';
/** The end of the months a change touches when it has none (a spell still open, or ended from a day on). */
const OPEN_END = '9999-12';

type CorrectionApp = {
  benefits: BenefitsService;
  approvals: ApprovalService;
  registration: RegistrationService;
  policy: PolicyService;
  clock: Clock;
  database: { db: Kysely<Database> };
};

/** Where reassessing a granted correction's months needs to reach, outside the approval's transaction. */
type ReassessApp = Pick<CorrectionApp, 'benefits' | 'policy' | 'clock' | 'database'>;

export function recordCorrectionApplier(
  benefits: BenefitsService,
  registrationFor: (db: Kysely<Database>) => RegistrationService,
  reassessApp: ReassessApp,
): ChangeApplier<RecordCorrectionPayload> {
  return {
    roles: ['admin', 'benefits_officer'],
    async check(payload, db) {
      const parsed = recordCorrectionPayload.safeParse(payload);
      if (!parsed.success)
        throw new AppError(ErrorCode.VALIDATION, 'payload: is not a correction of the record');
      const application = await benefits.requireCorrectable(parsed.data.applicationId, db);
      if (application.personId !== parsed.data.personId)
        throw new AppError(ErrorCode.VALIDATION, 'payload: the changes are for another person', {
          field: 'personId',
        });
      // The changes are made and undone, so what registration would refuse on approval (a spell that
      // overlaps, a base for a year of no employment) is refused now, naming the change.
      await rolledBack(db, () => applyChanges(registrationFor(db), parsed.data));
    },
    proposed: (trx, payload, who) => benefits.recordCorrectionProposed(trx, payload, who),
    async apply(trx, payload, who) {
      await applyChanges(registrationFor(trx), payload);
      await benefits.grantCorrection(trx, payload, who);
      return { applicationId: payload.applicationId, months: payload.months };
    },
    rejected: (trx, payload, who) => benefits.rejectCorrection(trx, payload, who),
    approved: (payload) => reassessGrantedCorrection(reassessApp, payload.applicationId, payload.personId),
  };
}

/**
 * Proposes the correction of a record-correction application: each change checked (the employer, the year,
 * the person's own spell, the months the application names), the months each touches worked out, and the
 * proposal stored once per idempotency key with the application waiting for the second officer.
 */
export async function proposeRecordCorrection(
  app: CorrectionApp,
  applicationId: number,
  input: RecordCorrectionInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ approval: Approval; replayed: boolean }> {
  const parsed = recordCorrectionInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  // Read without the state check, so a retry of a proposal made replays it; the applier's check, inside
  // the proposal's transaction, refuses an application no longer under review.
  const application = await app.benefits.get(applicationId);
  if (application.kind !== 'record-correction')
    throw new AppError(
      ErrorCode.VALIDATION,
      `applicationId: application ${application.applicationNo} is not a request to correct the record`,
      { field: 'applicationId' },
    );
  const claimed = ((application.facts as { periods?: string[] }).periods ?? []).slice().sort();
  const thisMonth = dateToPeriod(chinaDateOf(app.clock.now()));
  const months: MonthsToReassess[] = [];
  for (const [index, change] of parsed.data.changes.entries()) {
    const touched = await monthsOf(app.registration, change, application.personId, index);
    const field = `changes.${index}.${firstField(change)}`;
    const employer = await named(index, () => app.registration.getEmployer(touched.employerId));
    if (!withinOneAnother(employer.regionCode, application.regionCode))
      throw new AppError(
        ErrorCode.VALIDATION,
        `changes.${index}.employerId: the employer is registered in ${employer.regionCode}, outside the application's region ${application.regionCode}`,
        { field: `changes.${index}.employerId` },
      );
    if (!claimed.some((period) => period >= touched.from && period <= touched.to))
      throw new AppError(
        ErrorCode.VALIDATION,
        `${field}: the change touches ${touched.from}${touched.to === OPEN_END ? ' onwards' : ` to ${touched.to}`}, none of the months the application names (${claimed.join(', ')})`,
        { field },
      );
    // Months before the region's parameters cannot be reassessed: refused now rather than after approval.
    await app.policy.checkPeriod(touched.from, field, employer.regionCode);
    // Months not billed yet are the monthly run's; only those up to this month are reassessed.
    const to = touched.to < thisMonth ? touched.to : thisMonth;
    if (touched.from <= to)
      mergeMonths(months, {
        regionCode: employer.regionCode,
        employerId: employer.id,
        fromPeriod: touched.from,
        toPeriod: to,
      });
  }
  const payload: RecordCorrectionPayload = {
    applicationId,
    personId: application.personId,
    changes: parsed.data.changes,
    reasons: parsed.data.reasons,
    months,
  };
  return app.approvals.proposeOnce(
    KIND,
    payload,
    {
      regionCode: application.regionCode,
      summary: `Correction of the record ${application.applicationNo}: ${parsed.data.changes.map(describe).join('; ')}`,
    },
    proposer,
    idempotencyKey,
  );
}

/**
 * The second officer's decision: approving applies the changes and decides the application (the
 * applier), then reassesses the months; rejecting sends the application back to review. Approving again
 * once granted repairs a reassessment cut off after the approval, and changes nothing otherwise.
 */
export async function decideRecordCorrection(
  app: CorrectionApp,
  applicationId: number,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<Approval> {
  const application = await app.benefits.get(applicationId);
  const correction = application.correction;
  if (decision.approve && application.state === 'decided' && correction?.status === 'granted') {
    await reassessGrantedCorrection(app, applicationId, application.personId);
    return app.approvals.get(correction.approvalId);
  }
  if (application.state !== 'proposed' || correction?.status !== 'proposed')
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.applicationNo} has no correction waiting for approval`,
      { field: 'applicationId', detailCode: 'application-state' },
    );
  return decision.approve
    ? app.approvals.approve(correction.approvalId, decider, decision.note)
    : app.approvals.reject(correction.approvalId, decider, decision.note);
}

/**
 * Reassesses the months of a granted correction and records the adjustment bills and credits that carry
 * the person's lines. Safe to run again: a reassessment finds no difference twice, and what it caused is
 * read back from the bills recorded since the grant, so a run cut off before recording it records it now.
 */
export async function reassessGrantedCorrection(
  app: ReassessApp,
  applicationId: number,
  personId: number,
): Promise<void> {
  const correction = await app.benefits.correctionOf(applicationId);
  if (correction?.status !== 'granted' || correction.reassessedAt !== null || !correction.decidedAt) return;
  const deps = { db: app.database.db, clock: app.clock, policy: app.policy };
  for (const months of correction.months) await reassessMonths(deps, months);
  const adjustments = [];
  for (const months of correction.months)
    adjustments.push(
      ...(await selectAdjustmentsOfPerson(app.database.db, {
        employerId: months.employerId,
        personId,
        fromPeriod: months.fromPeriod,
        toPeriod: months.toPeriod,
        recordedFrom: correction.decidedAt,
      })),
    );
  await app.benefits.recordCorrectionAdjustments(applicationId, adjustments);
}

/** Applies the changes through registration, in the order given, each refusal naming its change. */
async function applyChanges(registration: RegistrationService, payload: RecordCorrectionPayload) {
  for (const [index, change] of payload.changes.entries()) {
    await named(index, async () => {
      const personId = payload.personId;
      if (change.kind === 'base') {
        await registration.declareBase({
          employerId: change.employerId,
          personId,
          cycleStart: change.cycleStart,
          declaredFen: change.declaredFen,
          source: 'correction',
        });
      } else if (change.kind === 'hire') {
        const hired = await registration.hire({
          employerId: change.employerId,
          personId,
          hiredOn: change.hiredOn,
          ...(change.monthlyWageFen === undefined ? {} : { monthlyWageFen: change.monthlyWageFen }),
        });
        // A spell found in hindsight ends when the person left; registration knows no reason for it, so
        // it is recorded as the person's own leaving.
        if (change.leftOn !== undefined)
          await registration.leave({
            employmentId: hired.employment.id,
            leftOn: change.leftOn,
            reason: 'resignation',
          });
      } else {
        await ownSpell(registration, change.employmentId, personId);
        // The person was never with this employer after the day: recorded as a transfer away from it.
        await registration.leave({
          employmentId: change.employmentId,
          leftOn: change.leftOn,
          reason: 'transfer_out',
        });
      }
    });
  }
}

/** The employer a change is about and the months it touches (to the month of the last day, or open). */
async function monthsOf(
  registration: RegistrationService,
  change: RecordChange,
  personId: number,
  index: number,
): Promise<{ employerId: number; from: string; to: string }> {
  if (change.kind === 'base') {
    // The year is reckoned from the month given, which registration calls `period`.
    const year = await named(
      index,
      () => registration.contributionYear(change.employerId, change.cycleStart),
      {
        period: 'cycleStart',
      },
    );
    if (year.start !== change.cycleStart)
      throw new AppError(
        ErrorCode.VALIDATION,
        `changes.${index}.cycleStart: the employer's contribution year containing ${change.cycleStart} begins in ${year.start}`,
        { field: `changes.${index}.cycleStart` },
      );
    return { employerId: change.employerId, from: year.start, to: year.end };
  }
  if (change.kind === 'hire')
    return {
      employerId: change.employerId,
      from: dateToPeriod(change.hiredOn),
      to: change.leftOn === undefined ? OPEN_END : dateToPeriod(change.leftOn),
    };
  // To the open end, not the spell's recorded end: once the change is applied that end moves, and a
  // retry of the proposal must work out the same months to replay it.
  const spell = await named(index, () => ownSpell(registration, change.employmentId, personId));
  return { employerId: spell.employerId, from: dateToPeriod(change.leftOn), to: OPEN_END };
}

/** A spell of the person's own; another person's is as unknown as a missing one. */
async function ownSpell(registration: RegistrationService, employmentId: number, personId: number) {
  const spell = await registration.findEmployment(employmentId);
  if (!spell || spell.personId !== personId)
    throw new AppError(ErrorCode.NOT_FOUND, `employmentId: the person has no employment ${employmentId}`, {
      field: 'employmentId',
    });
  return spell;
}

/** Runs one change's step; a refusal naming a field is re-addressed to the field of that change. */
async function named<T>(
  index: number,
  step: () => Promise<T>,
  renamed: Readonly<Record<string, string>> = {},
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isAppError(error) || error.field === undefined || error.field.startsWith('changes.')) throw error;
    const field = `changes.${index}.${renamed[error.field] ?? error.field}`;
    const reason = error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
    throw new AppError(error.code, `${field}: ${reason}`, {
      field,
      ...(error.detailCode ? { detailCode: error.detailCode } : {}),
      ...(error.params ? { params: error.params } : {}),
      cause: error,
    });
  }
}

/**
 * Runs work inside a savepoint of the caller's transaction and always undoes it: a dry run that leaves the
 * proposal's transaction as it was, whether the work succeeded or was refused.
 */
async function rolledBack(trx: Kysely<Database>, work: () => Promise<unknown>): Promise<void> {
  await sql`savepoint record_correction_check`.execute(trx);
  try {
    await work();
  } finally {
    await sql`rollback to savepoint record_correction_check`.execute(trx);
    await sql`release savepoint record_correction_check`.execute(trx);
  }
}

/** Merges the months of one employer into one range, so each is reassessed once. */
function mergeMonths(list: MonthsToReassess[], months: MonthsToReassess): void {
  const same = list.find((item) => item.employerId === months.employerId);
  if (!same) {
    list.push(months);
    return;
  }
  if (months.fromPeriod < same.fromPeriod) same.fromPeriod = months.fromPeriod;
  if (months.toPeriod > same.toPeriod) same.toPeriod = months.toPeriod;
}

function withinOneAnother(a: string, b: string): boolean {
  return a.startsWith(regionCodePrefix(b)) || b.startsWith(regionCodePrefix(a));
}

function firstField(change: RecordChange): string {
  return change.kind === 'base' ? 'cycleStart' : change.kind === 'hire' ? 'hiredOn' : 'leftOn';
}

function describe(change: RecordChange): string {
  if (change.kind === 'base')
    return `base of ${change.cycleStart} at employer ${change.employerId}: ${change.declaredFen} fen`;
  if (change.kind === 'hire')
    return `employment at employer ${change.employerId} from ${change.hiredOn}${change.leftOn ? ` to ${change.leftOn}` : ''}`;
  return `employment ${change.employmentId} ended on ${change.leftOn}`;
}
