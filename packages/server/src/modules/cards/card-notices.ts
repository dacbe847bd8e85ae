import { maskCardNumber, type CardEvent } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { enqueueNotices } from '../notifications/index.ts';
import type { CardRow } from './cards.repository.ts';

/** The events a card can meet more than once: their notices are keyed by the recorded event too. */
const REPEATABLE: readonly CardEvent[] = [
  'temporarily_lost',
  'temporary_loss_lapsed',
  'temporary_loss_lifted',
];

/** What a card notice tells beside the event (docs/RULES.md 18.8). */
export interface CardNoticeFacts {
  dueOn?: string | null;
  feeFen?: number | null;
  place?: string | null;
}

/**
 * Tells the person of a card event, in the transaction that records it (docs/RULES.md 18.8): one notice
 * per card and event (and per recorded event, for the loss events a card can meet twice), so a re-run
 * tells no one twice.
 */
export async function enqueueCardNotice(
  trx: Kysely<Database>,
  at: Date,
  card: Pick<CardRow, 'id' | 'person_id' | 'region_code' | 'card_no'>,
  event: { name: CardEvent; id: number },
  facts: CardNoticeFacts = {},
): Promise<void> {
  const repeatable = REPEATABLE.includes(event.name);
  await enqueueNotices(trx, at, [
    {
      recipient: { kind: 'person', id: Number(card.person_id) },
      kind: 'card.status',
      eventKey: `card:${card.id}:${event.name}${repeatable ? `:${event.id}` : ''}`,
      regionCode: card.region_code,
      params: {
        event: event.name,
        cardNumber: card.card_no ? maskCardNumber(card.card_no) : null,
        dueOn: facts.dueOn ?? null,
        feeFen: facts.feeFen ?? null,
        place: facts.place ?? null,
      },
      link: '/person/card',
    },
  ]);
}
