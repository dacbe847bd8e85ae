export {
  createCardsService,
  type CardsService,
  type CardOutcome,
  type PaymentCard,
} from './cards.service.ts';
export type { CardActor, CardsDeps } from './cards-deps.ts';
export type {
  CardView,
  BatchView,
  BankReturnSummary,
  ECardToken,
  ECardVerification,
} from './cards.schemas.ts';
