import { regionCodePrefix } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { SigningKey } from '../statements/index.ts';
import { applyForCard, applyForEmployees, replaceCard } from './apply-for-card.ts';
import {
  cancelCard,
  choosePaymentCard,
  collectCard,
  decideApplication,
  dispatchCard,
  lapseTemporaryLosses,
  liftTemporaryLoss,
  reportFormalLoss,
  reportTemporaryLoss,
} from './card-actions.ts';
import type { CardActor, CardsDeps } from './cards-deps.ts';
import { getCardOf } from './change-card.ts';
import { selectBatch, selectBatchesOfRegion, type CardRow } from './cards.repository.ts';
import type { BatchView, CardView } from './cards.schemas.ts';
import { issueECardToken, verifyECardToken } from './e-card.ts';
import { paymentCardsOf } from './payment-cards.ts';
import { createProductionBatch, importBankReturn, readBatchFile, toBatchView } from './production.ts';
import { cardViewOf, listCardQueue, listCardsOfPerson } from './read-cards.ts';

/** A change's reply: the card as it stands, and whether this call changed it. */
export type CardOutcome = { card: CardView; changed: boolean };

/** The social security card's use cases (app.cards; docs/RULES.md 18.2). */
export function createCardsService(deps: CardsDeps) {
  const view = async (outcome: Promise<{ card: CardRow; changed: boolean }>): Promise<CardOutcome> => {
    const { card, changed } = await outcome;
    return { card: await cardViewOf(deps, card), changed };
  };
  const created = async (outcome: Promise<{ card: CardRow; created: boolean }>): Promise<CardOutcome> => {
    const { card, created: isNew } = await outcome;
    return { card: await cardViewOf(deps, card), changed: isNew };
  };
  return {
    listCardsOfPerson: (personId: number) => listCardsOfPerson(deps, personId),
    listQueue: listCardQueue.bind(null, deps),
    apply: (personId: number, input: Parameters<typeof applyForCard>[2], actor: CardActor) =>
      created(applyForCard(deps, personId, input, actor)),
    replace: (personId: number, cardId: number, input: Parameters<typeof replaceCard>[3], actor: CardActor) =>
      created(replaceCard(deps, personId, cardId, input, actor)),
    applyForEmployees: applyForEmployees.bind(null, deps),
    decide: (
      personId: number,
      cardId: number,
      input: Parameters<typeof decideApplication>[3],
      actor: CardActor,
    ) => view(decideApplication(deps, personId, cardId, input, actor)),
    dispatch: (personId: number, cardId: number, trackingNo: string | undefined, actor: CardActor) =>
      view(dispatchCard(deps, personId, cardId, trackingNo, actor)),
    collect: (personId: number, cardId: number, actor: CardActor) =>
      view(collectCard(deps, personId, cardId, actor)),
    reportTemporaryLoss: (
      personId: number,
      cardId: number,
      channel: 'phone' | 'app' | 'branch',
      actor: CardActor,
    ) => view(reportTemporaryLoss(deps, personId, cardId, channel, actor)),
    liftTemporaryLoss: (personId: number, cardId: number, actor: CardActor) =>
      view(liftTemporaryLoss(deps, personId, cardId, actor)),
    reportFormalLoss: (personId: number, cardId: number, actor: CardActor) =>
      view(reportFormalLoss(deps, personId, cardId, actor)),
    cancel: (personId: number, cardId: number, reason: string, actor: CardActor) =>
      view(cancelCard(deps, personId, cardId, reason, actor)),
    /** The application's photo, for the staff who decide it and for the person. */
    async readPhoto(personId: number, cardId: number): Promise<{ type: string; bytes: Buffer }> {
      const card = await getCardOf(deps.db, personId, cardId);
      if (!card.photo_sha256 || !card.photo_type)
        throw new AppError(ErrorCode.NOT_FOUND, `cardId: card ${cardId} has no photo on file`, {
          field: 'cardId',
        });
      return { type: card.photo_type, bytes: await deps.files.get(card.photo_sha256) };
    },
    lapseTemporaryLosses: (regionCode: string) => lapseTemporaryLosses(deps, regionCode),
    choosePaymentCard: choosePaymentCard.bind(null, deps),
    createProductionBatch: createProductionBatch.bind(null, deps),
    readBatchFile: readBatchFile.bind(null, deps),
    importBankReturn: importBankReturn.bind(null, deps),
    async listBatches(regionCode: string, beforeId: number, limit: number): Promise<BatchView[]> {
      return (await selectBatchesOfRegion(deps.db, regionCodePrefix(regionCode), beforeId, limit)).map(
        toBatchView,
      );
    },
    async regionOfBatch(batchId: number): Promise<string | undefined> {
      return (await selectBatch(deps.db, batchId))?.region_code;
    },
    issueECardToken: (personId: number, key: SigningKey) => issueECardToken(deps, personId, key),
    verifyECardToken: (token: string, key: SigningKey) => verifyECardToken(deps, token, key),
    /** The cards the persons chose for their benefits (docs/RULES.md 18.9); persons without a choice are absent. */
    paymentCardsOf: (personIds: readonly number[]) => paymentCardsOf(deps.db, personIds, deps.clock.now()),
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
