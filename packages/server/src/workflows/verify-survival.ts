import type { Kysely } from 'kysely';
import type { Clock } from '../app/clock.ts';
import type { Database } from '../db/index.ts';
import { setVerifiedThrough } from '../modules/payroll/index.ts';
import type { Recorder, StandingReply, SurvivalService } from '../modules/survival/index.ts';
import type { StaffVerificationInput } from '../modules/survival/index.ts';

/*
 * A survival verification reaches the payroll (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.9,
 * 14.14): record it (survival), then move the pension's last payable month on the roll to what the
 * verifications now allow (payroll), so the next run pays the months and pays back those withheld. The
 * second step is derived from the verifications alone: recording the same verification again repeats it,
 * so a step cut off between the two is made good by trying again.
 */

type Verified = StandingReply & { created: boolean };

interface Deps {
  survival: SurvivalService;
  database: { db: Kysely<Database> };
  clock: Clock;
}

async function reachPayroll(app: Deps, personId: number, recorded: Verified): Promise<Verified> {
  const through = recorded.standing?.verifiedThrough;
  if (through)
    await app.database.db
      .transaction()
      .execute((trx) => setVerifiedThrough(trx, personId, through, app.clock.now().toISOString()));
  return recorded;
}

/** Staff record a verification made at the counter, on a visit, through a consulate or by a data match. */
export async function recordSurvivalVerification(
  app: Deps,
  personId: number,
  input: StaffVerificationInput,
  recorder: Recorder,
): Promise<Verified> {
  return reachPayroll(app, personId, await app.survival.recordVerification(personId, input, recorder));
}

/** The pensioner verifies through their own session. */
export async function verifySurvivalSelf(app: Deps, personId: number, recorder: Recorder): Promise<Verified> {
  return reachPayroll(app, personId, await app.survival.verifySelf(personId, recorder));
}
