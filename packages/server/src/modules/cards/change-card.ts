import {
  chinaDateOf,
  effectiveCardStatus,
  maskCardNumber,
  nextCardStatus,
  statusesAllowing,
  type CardStatus,
  type TransitionEvent,
} from '@shebao/domain';
import type { Kysely, Updateable } from 'kysely';
import type { Database, SocialSecurityCardsTable } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { enqueueCardNotice, type CardNoticeFacts } from './card-notices.ts';
import { insertCardEvent, selectCard, updateCardFrom, type CardRow } from './cards.repository.ts';
import type { CardActor } from './cards-deps.ts';

/** The status each event leaves the card in. */
const TARGET: Readonly<Record<TransitionEvent, CardStatus>> = {
  approved: 'approved',
  refused: 'refused',
  sent_to_bank: 'sent_to_bank',
  produced: 'produced',
  at_branch: 'at_branch',
  mailed: 'mailed',
  collected: 'active',
  temporarily_lost: 'temporarily_lost',
  temporary_loss_lapsed: 'active',
  temporary_loss_lifted: 'active',
  lost: 'lost',
  damaged: 'damaged',
  replaced: 'replaced',
  cancelled: 'cancelled',
};

export interface CardChange {
  event: TransitionEvent;
  onDate: string;
  at: Date;
  actor: CardActor;
  channel?: string | null;
  detail?: Record<string, unknown>;
  changes?: Updateable<SocialSecurityCardsTable>;
  notice?: CardNoticeFacts;
}

/** The card of a person, or NOT_FOUND naming the field (another person's card is not found either). */
export async function getCardOf(db: Kysely<Database>, personId: number, cardId: number): Promise<CardRow> {
  const card = await selectCard(db, cardId);
  if (!card || Number(card.person_id) !== personId)
    throw new AppError(ErrorCode.NOT_FOUND, `cardId: the person has no card ${cardId}`, { field: 'cardId' });
  return card;
}

/**
 * Records one event of a card in the caller's transaction (docs/RULES.md 18.2): the status it leaves, the
 * event in the history and the notice to the person. A temporary loss past its last day is recorded as
 * lapsed first (18.5). The same event again on a card it already left in its status changes nothing
 * (`changed: false`); an event the card's status does not allow is refused naming the card.
 */
export async function changeCard(
  trx: Kysely<Database>,
  card: CardRow,
  change: CardChange,
): Promise<{ card: CardRow; changed: boolean }> {
  let current = card;
  if (
    current.status === 'temporarily_lost' &&
    effectiveCardStatus(
      { status: current.status, temporaryLossUntil: current.temporary_loss_until },
      change.onDate,
    ) === 'active' &&
    change.event !== 'temporary_loss_lapsed'
  )
    current = (
      await changeCard(trx, current, {
        event: 'temporary_loss_lapsed',
        onDate: chinaDateOf(change.at),
        at: change.at,
        actor: { login: 'system:cards', side: 'staff' },
        detail: { lastDay: current.temporary_loss_until },
        changes: { temporary_loss_until: null },
      })
    ).card;
  const next = nextCardStatus(current.status, change.event);
  if (next === null) {
    if (current.status === TARGET[change.event]) return { card: current, changed: false };
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      `cardId: the card is ${current.status.replaceAll('_', ' ')}; "${change.event}" is recorded only on a card that is ${statusesAllowing(change.event).join(', ').replaceAll('_', ' ')}`,
      { field: 'cardId', detailCode: 'card-status', params: { status: current.status, event: change.event } },
    );
  }
  const updatedAt = change.at.toISOString();
  const changes = { ...change.changes, status: next, updated_at: updatedAt };
  if (!(await updateCardFrom(trx, Number(current.id), current.status, changes)))
    throw new AppError(
      ErrorCode.CONFLICT,
      'cardId: the card was changed meanwhile; read it again and retry',
      {
        field: 'cardId',
      },
    );
  const updated = (await selectCard(trx, Number(current.id)))!;
  const eventId = await insertCardEvent(trx, {
    card_id: Number(current.id),
    person_id: Number(current.person_id),
    event: change.event,
    on_date: change.onDate,
    channel: change.channel ?? null,
    detail: JSON.stringify(change.detail ?? {}),
    recorded_by: change.actor.login,
    recorded_at: updatedAt,
  });
  await enqueueCardNotice(trx, change.at, updated, { name: change.event, id: eventId }, change.notice);
  return { card: updated, changed: true };
}

/** The card number as notices and verifiers show it, or null before one is given. */
export function maskedNumberOf(card: Pick<CardRow, 'card_no'>): string | null {
  return card.card_no ? maskCardNumber(card.card_no) : null;
}
