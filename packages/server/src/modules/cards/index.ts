export { createCardsService, type CardsService, type CardOutcome } from './cards.service.ts';
// The payroll reads the card a person chose for benefits, inside its own transaction (docs/RULES.md 18.9).
export { paymentCardsOf, type PaymentCard } from './payment-cards.ts';
export type { CardActor, CardsDeps } from './cards-deps.ts';
export type {
  CardView,
  BatchView,
  BankReturnSummary,
  ECardToken,
  ECardVerification,
} from './cards.schemas.ts';
export { cancelCardsOnDeath } from './cancel-cards-on-death.ts';
