import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { updatePayeeOfPerson } from './roll.repository.ts';

/**
 * Pays the person's awards still in payment to the social security card they chose (docs/RULES.md 18.9):
 * from the next run on, each roll's payee is the card's bank account at the card's bank. The account comes
 * from the card bank's return file, never typed by anyone, so no second officer is needed, unlike a
 * correction of the payee (14.12). Runs in the caller's transaction; returns how many awards it moved.
 */
export function payAwardsToCard(
  trx: Kysely<Database>,
  change: { personId: number; bankCode: string; accountNo: string; at: Date },
): Promise<number> {
  return updatePayeeOfPerson(trx, change.personId, {
    payee_kind: 'card',
    payee_account: change.accountNo,
    bank_code: change.bankCode,
    updated_at: change.at.toISOString(),
  });
}
