import { chinaDateOf, IN_USE, makeCardNumber, temporaryLossUntil, regionCodePrefix } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { cardRulesOf } from './card-rules.ts';
import { changeCard, getCardOf } from './change-card.ts';
import {
  nextCardSequence,
  selectCard,
  selectLapsedTemporaryLosses,
  selectPaymentChoice,
  upsertPaymentChoice,
  type CardRow,
} from './cards.repository.ts';
import type { CardActor, CardsDeps } from './cards-deps.ts';
import type { CardDecisionInput } from './cards.schemas.ts';

type Outcome = Promise<{ card: CardRow; changed: boolean }>;

/**
 * Staff approve an application, which gives the card its number from the region letter's sequence
 * (docs/RULES.md 18.1), or refuse it with the reason.
 */
export async function decideApplication(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  input: CardDecisionInput,
  actor: CardActor,
): Outcome {
  if (!input.approve && !input.reason)
    throw new AppError(ErrorCode.VALIDATION, 'reason: a refusal gives its reason', { field: 'reason' });
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const first = await getCardOf(deps.db, personId, cardId);
  const rules = await cardRulesOf(deps, first.region_code, today);
  return deps.db.transaction().execute(async (trx) => {
    const card = await getCardOf(trx, personId, cardId);
    if (!input.approve)
      return changeCard(trx, card, {
        event: 'refused',
        onDate: today,
        at,
        actor,
        detail: { reason: input.reason },
        changes: { refusal_reason: input.reason! },
      });
    if (card.status !== 'applied')
      return changeCard(trx, card, { event: 'approved', onDate: today, at, actor });
    const cardNo = makeCardNumber(rules.letter, await nextCardSequence(trx, rules.letter));
    return changeCard(trx, card, {
      event: 'approved',
      onDate: today,
      at,
      actor,
      detail: { cardNumber: cardNo },
      changes: { card_no: cardNo },
      notice: { dueOn: card.due_on },
    });
  });
}

/** The produced card is sent to the branch the person chose, or mailed (docs/RULES.md 18.2). */
export async function dispatchCard(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  trackingNo: string | undefined,
  actor: CardActor,
): Outcome {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const card = await getCardOf(trx, personId, cardId);
    const toBranch = card.dispatch === 'branch';
    return changeCard(trx, card, {
      event: toBranch ? 'at_branch' : 'mailed',
      onDate: today,
      at,
      actor,
      detail: toBranch ? { branch: card.branch_name } : { trackingNo: trackingNo ?? null },
      notice: { place: toBranch ? card.branch_name : 'mail' },
    });
  });
}

/**
 * The person collects the card at the branch, or confirms the mailed card arrived, and it is activated
 * (docs/RULES.md 18.2). A replacement's collection ends the card it replaces, and moves the person's choice
 * of the card benefits are paid to onto the new card.
 */
export async function collectCard(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  actor: CardActor,
): Outcome {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const card = await getCardOf(trx, personId, cardId);
    if (card.status === 'active') return { card, changed: false };
    if (card.replaces_card_id !== null) {
      const old = (await selectCard(trx, Number(card.replaces_card_id)))!;
      // First the old card leaves use: one card in use per person (docs/RULES.md 18.3).
      if (old.status !== 'replaced')
        await changeCard(trx, old, {
          event: 'replaced',
          onDate: today,
          at,
          actor,
          detail: { byCardId: Number(card.id) },
          notice: { place: card.dispatch === 'branch' ? card.branch_name : 'mail' },
        });
      const choice = await selectPaymentChoice(trx, personId);
      if (choice && Number(choice.card_id) === Number(old.id)) {
        await upsertPaymentChoice(trx, {
          person_id: personId,
          card_id: Number(card.id),
          chosen_on: today,
          chosen_by: actor.login,
          recorded_at: at.toISOString(),
        });
        if (card.bank_code !== null && card.bank_account_no !== null)
          await deps.paymentCardChanged?.(trx, {
            personId,
            bankCode: card.bank_code,
            accountNo: card.bank_account_no,
            at,
          });
      }
    }
    return changeCard(trx, card, {
      event: 'collected',
      onDate: today,
      at,
      actor,
      changes: { collected_on: today },
    });
  });
}

/**
 * A temporary loss report by phone, app or at a branch blocks the card at once through the region's days;
 * after them it lapses unless made formal (docs/RULES.md 18.5).
 */
export async function reportTemporaryLoss(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  channel: 'phone' | 'app' | 'branch',
  actor: CardActor,
): Outcome {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const first = await getCardOf(deps.db, personId, cardId);
  const rules = await cardRulesOf(deps, first.region_code, today);
  const until = temporaryLossUntil(today, rules.temporaryLossDays);
  return deps.db.transaction().execute(async (trx) => {
    const card = await getCardOf(trx, personId, cardId);
    return changeCard(trx, card, {
      event: 'temporarily_lost',
      onDate: today,
      at,
      actor,
      channel,
      detail: { until, days: rules.temporaryLossDays },
      changes: { temporary_loss_until: until },
      notice: { dueOn: until },
    });
  });
}

/** The person found the card within the report's days: it is unblocked (docs/RULES.md 18.5). */
export async function liftTemporaryLoss(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  actor: CardActor,
): Outcome {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) =>
    changeCard(trx, await getCardOf(trx, personId, cardId), {
      event: 'temporary_loss_lifted',
      onDate: chinaDateOf(at),
      at,
      actor,
      changes: { temporary_loss_until: null },
    }),
  );
}

/** A formal loss report: the card is blocked for good and can only be replaced (docs/RULES.md 18.5). */
export async function reportFormalLoss(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  actor: CardActor,
): Outcome {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) =>
    changeCard(trx, await getCardOf(trx, personId, cardId), {
      event: 'lost',
      onDate: chinaDateOf(at),
      at,
      actor,
      channel: 'branch',
      changes: { temporary_loss_until: null },
    }),
  );
}

/**
 * Cancels a card (docs/RULES.md 18.2): the person withdraws an application not yet approved; staff cancel
 * any card not ended (a duplicate, the holder's death), with the reason.
 */
export async function cancelCard(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  reason: string,
  actor: CardActor,
): Outcome {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const card = await getCardOf(trx, personId, cardId);
    if (actor.side === 'person' && card.status !== 'applied' && card.status !== 'cancelled')
      throw new AppError(
        ErrorCode.RULE_VIOLATION,
        'cardId: the person withdraws an application before it is approved; later, the agency cancels the card',
        { field: 'cardId', detailCode: 'card-status', params: { status: card.status, event: 'cancelled' } },
      );
    return changeCard(trx, card, {
      event: 'cancelled',
      onDate: chinaDateOf(at),
      at,
      actor,
      detail: { reason },
      changes: { temporary_loss_until: null },
    });
  });
}

/**
 * Records the lapse of the region's temporary loss reports past their last day (docs/RULES.md 18.5), a
 * chunk at a time, each card in a transaction of its own; a run again finds none left.
 */
export async function lapseTemporaryLosses(deps: CardsDeps, regionCode: string): Promise<{ lapsed: number }> {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  let lapsed = 0;
  for (;;) {
    const due = await selectLapsedTemporaryLosses(deps.db, regionCodePrefix(regionCode), today, 500);
    if (due.length === 0) return { lapsed };
    for (const row of due)
      await deps.db.transaction().execute(async (trx) => {
        const card = (await selectCard(trx, Number(row.id)))!;
        if (card.status !== 'temporarily_lost') return;
        await changeCard(trx, card, {
          event: 'temporary_loss_lapsed',
          onDate: today,
          at,
          actor: { login: 'system:cards', side: 'staff' },
          detail: { lastDay: card.temporary_loss_until },
          changes: { temporary_loss_until: null },
        });
        lapsed += 1;
      });
  }
}

/**
 * The person's choice of the card their pension and unemployment benefits are paid to: a card in use with
 * the bank's account on it (docs/RULES.md 18.9).
 */
export async function choosePaymentCard(
  deps: CardsDeps,
  personId: number,
  cardId: number,
  actor: CardActor,
): Promise<{ cardId: number; chosenOn: string }> {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const card = await getCardOf(trx, personId, cardId);
    if (!IN_USE.includes(card.status) || card.bank_account_no === null)
      throw new AppError(
        ErrorCode.RULE_VIOLATION,
        'cardId: benefits are paid only to a card in use with its bank account',
        {
          field: 'cardId',
          detailCode: 'card-status',
          params: { status: card.status, event: 'payment-card' },
        },
      );
    await upsertPaymentChoice(trx, {
      person_id: personId,
      card_id: cardId,
      chosen_on: today,
      chosen_by: actor.login,
      recorded_at: at.toISOString(),
    });
    if (card.bank_code !== null)
      await deps.paymentCardChanged?.(trx, {
        personId,
        bankCode: card.bank_code,
        accountNo: card.bank_account_no,
        at,
      });
    return { cardId, chosenOn: today };
  });
}
