import {
  chinaDateOf,
  effectiveCardStatus,
  maskCardNumber,
  maskResidentId,
  regionCodePrefix,
} from '@shebao/domain';
import type { Explanation } from '@shebao/domain';
import type { CardStatusColumn } from '../../db/index.ts';
import { selectPersonNames } from '../registration/index.ts';
import {
  selectCardsOfPerson,
  selectCardsOfRegion,
  selectEventsOfCards,
  selectPaymentChoice,
  type CardEventRow,
  type CardRow,
} from './cards.repository.ts';
import type { CardsDeps } from './cards-deps.ts';
import type { CardQueueItem, CardView } from './cards.schemas.ts';

/** A bank account as the card pages show it: the last four digits. */
const maskAccount = (account: string | null) => (account ? `****${account.slice(-4)}` : null);

export function toCardView(
  card: CardRow,
  events: readonly CardEventRow[],
  today: string,
  paymentCardId: number | null,
): CardView {
  return {
    id: Number(card.id),
    personId: Number(card.person_id),
    cardNumber: card.card_no,
    cardNumberMasked: card.card_no ? maskCardNumber(card.card_no) : null,
    regionCode: card.region_code,
    generation: Number(card.generation),
    status: card.status,
    effectiveStatus: effectiveCardStatus(
      { status: card.status, temporaryLossUntil: card.temporary_loss_until },
      today,
    ),
    reason: card.reason,
    replacesCardId: card.replaces_card_id === null ? null : Number(card.replaces_card_id),
    channel: card.channel,
    appliedOn: card.applied_on,
    dueOn: card.due_on,
    // The production clock runs until the bank has produced the card (docs/RULES.md 18.6).
    overdue: ['applied', 'approved', 'sent_to_bank'].includes(card.status) && today > card.due_on,
    clock: { days: Number(card.clock_days), unit: card.clock_unit, source: card.clock_source },
    feeFen: Number(card.fee_fen),
    feeExemption: card.fee_exemption,
    feeExplanation: JSON.parse(card.fee_explanation) as Explanation,
    dispatch: card.dispatch,
    branchName: card.branch_name,
    mailAddress: card.mail_address,
    refusalReason: card.refusal_reason,
    batchId: card.batch_id === null ? null : Number(card.batch_id),
    bankCode: card.bank_code,
    bankAccountMasked: maskAccount(card.bank_account_no),
    producedOn: card.produced_on,
    collectedOn: card.collected_on,
    temporaryLossUntil: card.temporary_loss_until,
    paymentCard: paymentCardId === Number(card.id),
    events: events
      .filter((event) => Number(event.card_id) === Number(card.id))
      .map((event) => ({
        event: event.event as CardView['events'][number]['event'],
        onDate: event.on_date,
        channel: event.channel,
        detail: JSON.parse(event.detail) as Record<string, unknown>,
        recordedBy: event.recorded_by,
        recordedAt: event.recorded_at,
      })),
  };
}

/** A person's cards, newest first, each with its history (docs/RULES.md 18.2). */
export async function listCardsOfPerson(deps: CardsDeps, personId: number): Promise<CardView[]> {
  await deps.persons.getPerson(personId);
  const cards = await selectCardsOfPerson(deps.db, personId);
  const events = await selectEventsOfCards(
    deps.db,
    cards.map((card) => Number(card.id)),
  );
  const choice = await selectPaymentChoice(deps.db, personId);
  const today = chinaDateOf(deps.clock.now());
  return cards
    .map((card) => toCardView(card, events, today, choice ? Number(choice.card_id) : null))
    .reverse();
}

/** One card of a person, as the routes answer after a change. */
export async function cardViewOf(deps: CardsDeps, card: CardRow): Promise<CardView> {
  const events = await selectEventsOfCards(deps.db, [Number(card.id)]);
  const choice = await selectPaymentChoice(deps.db, Number(card.person_id));
  return toCardView(card, events, chinaDateOf(deps.clock.now()), choice ? Number(choice.card_id) : null);
}

/** A page of the region's cards in a status (the staff's queues), identity numbers masked. */
export async function listCardQueue(
  deps: CardsDeps,
  query: { regionCode: string; status: CardStatusColumn; afterId: number; limit: number },
): Promise<{ items: CardQueueItem[]; more: boolean }> {
  const rows = await selectCardsOfRegion(deps.db, {
    regionPrefix: regionCodePrefix(query.regionCode),
    status: query.status,
    afterId: query.afterId,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const names = new Map(
    (await selectPersonNames(deps.db, [...new Set(page.map((row) => Number(row.person_id)))])).map((row) => [
      Number(row.id),
      row,
    ]),
  );
  return {
    more: rows.length > query.limit,
    items: page.map((card) => {
      const person = names.get(Number(card.person_id))!;
      return {
        id: Number(card.id),
        personId: Number(card.person_id),
        name: person.name,
        idNumberMasked: maskResidentId(person.id_number),
        regionCode: card.region_code,
        status: card.status,
        reason: card.reason,
        channel: card.channel,
        appliedOn: card.applied_on,
        dueOn: card.due_on,
        cardNumberMasked: card.card_no ? maskCardNumber(card.card_no) : null,
      };
    }),
  };
}
