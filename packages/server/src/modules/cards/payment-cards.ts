import { chinaDateOf, effectiveCardStatus } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectPaymentCards } from './cards.repository.ts';

/** The card a person's benefits are paid to (docs/RULES.md 18.9), for the payroll to read. */
export interface PaymentCard {
  personId: number;
  cardId: number;
  cardNumber: string | null;
  bankCode: string | null;
  bankAccountNo: string | null;
  /** False while the card is blocked or out of use on the day: the payroll pays elsewhere meanwhile. */
  usable: boolean;
  chosenOn: string;
}

/**
 * The persons' chosen cards on a day, in one query; persons without a choice are absent. Takes the
 * caller's database or transaction, so the payroll can read it inside a run's chunk (docs/RULES.md 18.9).
 */
export async function paymentCardsOf(
  db: Kysely<Database>,
  personIds: readonly number[],
  at: Date,
): Promise<PaymentCard[]> {
  const today = chinaDateOf(at);
  return (await selectPaymentCards(db, personIds)).map((row) => ({
    personId: Number(row.person_id),
    cardId: Number(row.card_id),
    cardNumber: row.card_no,
    bankCode: row.bank_code,
    bankAccountNo: row.bank_account_no,
    usable:
      effectiveCardStatus({ status: row.status, temporaryLossUntil: row.temporary_loss_until }, today) ===
      'active',
    chosenOn: row.chosen_on,
  }));
}
