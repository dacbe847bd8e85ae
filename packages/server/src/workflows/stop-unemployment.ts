import { chinaDateOf, dateToPeriod, parsePeriod } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../app/clock.ts';
import type { Database } from '../db/index.ts';
import { AppError, ErrorCode } from '../errors/index.ts';
import { awardsOnRoll, stopPayment, type StoppedPayment } from '../modules/payroll/index.ts';
import type { HireInput, HireResult, RegistrationService } from '../modules/registration/index.ts';

/*
 * Ending unemployment benefit (docs/RULES.md 15.18; SIL Art. 51): a hire recorded for the person stops it
 * after the month of the hire, in the hire's own transaction; staff stop it for the other reasons the law
 * names (conscripted, emigrated, a pension begins, a suitable job or training refused) after the month the
 * reason arose. Months already paid beyond it become a claim to recover, in the unemployment fund.
 */

export const UNEMPLOYMENT_STOP_REASONS = [
  're-employed',
  'conscripted',
  'emigrated',
  'pension-started',
  'refused-suitable-job',
] as const;
export type UnemploymentStopReason = (typeof UNEMPLOYMENT_STOP_REASONS)[number];

/** Stops the person's unemployment awards still running after the month (none: nothing happens). */
async function stopRunning(
  trx: Kysely<Database>,
  clock: Clock,
  personId: number,
  lastMonth: string,
  reason: UnemploymentStopReason,
  sourceKey: string,
): Promise<StoppedPayment[]> {
  const stopped: StoppedPayment[] = [];
  for (const award of await awardsOnRoll(trx, personId)) {
    // An award that starts after the month is stopped whole: none of its months is owed.
    if (award.kind !== 'unemployment') continue;
    // Still running past the month: not stopped, or only at the end of its months.
    const running =
      award.stoppedAfter === null ||
      (award.stopReason === 'entitlement-ended' && award.stoppedAfter > lastMonth);
    if (!running) continue;
    stopped.push(
      await stopPayment(trx, clock, {
        awardNo: award.awardNo,
        lastMonth,
        reason,
        sourceKey: `${sourceKey}:${award.awardNo}`,
      }),
    );
  }
  return stopped;
}

/**
 * A hire (registration) that also stops the new employee's unemployment benefit after the month of the
 * hire, both in one transaction.
 */
export async function hireEmployee(
  app: {
    database: { db: Kysely<Database> };
    clock: Clock;
    registrationIn(trx: Kysely<Database>): RegistrationService;
  },
  input: HireInput,
): Promise<HireResult & { stoppedBenefits: StoppedPayment[] }> {
  return app.database.db.transaction().execute(async (trx) => {
    const hired = await app.registrationIn(trx).hire(input);
    const stoppedBenefits = await stopRunning(
      trx,
      app.clock,
      hired.employment.personId,
      dateToPeriod(hired.employment.hiredOn),
      're-employed',
      `hire:${hired.employment.id}`,
    );
    return { ...hired, stoppedBenefits };
  });
}

/** Staff stop a person's unemployment benefit after a month, for one of the law's reasons. */
export async function stopUnemploymentBenefit(
  app: { database: { db: Kysely<Database> }; clock: Clock },
  input: { personId: number; lastMonth: string; reason: UnemploymentStopReason },
): Promise<StoppedPayment[]> {
  const lastMonth = parsePeriod(input.lastMonth, 'lastMonth');
  if (lastMonth > dateToPeriod(chinaDateOf(app.clock.now())))
    throw new AppError(ErrorCode.VALIDATION, `lastMonth: ${lastMonth} is after this month`, {
      field: 'lastMonth',
      detailCode: 'period-in-future',
    });
  const stopped = await app.database.db
    .transaction()
    .execute((trx) =>
      stopRunning(
        trx,
        app.clock,
        input.personId,
        lastMonth,
        input.reason,
        `stop:${input.reason}:${lastMonth}`,
      ),
    );
  if (stopped.length === 0)
    throw new AppError(ErrorCode.CONFLICT, `personId: no unemployment benefit runs after ${lastMonth}`, {
      field: 'personId',
      detailCode: 'payment-stopped',
    });
  return stopped;
}
