import { parsePeriod } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectRollsOfPerson, updateRoll } from './roll.repository.ts';

/**
 * Records on the payroll the last month survival verification allows a person's awards to be paid
 * (docs/RULES.md 14.6), in the verification's transaction: later months are withheld, and months withheld
 * up to it are paid back by the next payroll. Returns the number of awards changed.
 */
export async function setVerifiedThrough(
  trx: Kysely<Database>,
  personId: number,
  through: string,
  at: string,
): Promise<number> {
  const period = parsePeriod(through, 'verifiedThrough');
  let changed = 0;
  for (const roll of await selectRollsOfPerson(trx, personId)) {
    if (roll.verified_through === period) continue;
    await updateRoll(trx, Number(roll.id), { verified_through: period, updated_at: at });
    changed += 1;
  }
  return changed;
}
