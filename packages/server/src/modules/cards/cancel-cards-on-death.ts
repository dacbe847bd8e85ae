import { chinaDateOf, statusesAllowing } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { changeCard } from './change-card.ts';
import { selectCardsOfPersonIn } from './cards.repository.ts';

/**
 * A confirmed death ends the person's cards (docs/RULES.md 18.2): every card or application still able to
 * be cancelled is, in the transaction that confirms the death, with the report as the reason, so no card
 * of the deceased stays in use, in production or awaiting a decision. Returns how many were cancelled.
 */
export async function cancelCardsOnDeath(
  trx: Kysely<Database>,
  death: { personId: number; dateOfDeath: string; reportId: number },
  at: Date,
  login: string,
): Promise<number> {
  const cards = await selectCardsOfPersonIn(trx, death.personId, statusesAllowing('cancelled'));
  for (const card of cards)
    await changeCard(trx, card, {
      event: 'cancelled',
      onDate: chinaDateOf(at),
      at,
      actor: { login, side: 'staff' },
      detail: { reason: `death on ${death.dateOfDeath} confirmed (death report ${death.reportId})` },
      changes: { temporary_loss_until: null },
    });
  return cards.length;
}
