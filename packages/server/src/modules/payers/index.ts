export { resolvePayer, type Payer } from './resolve-payer.ts';
export { describePayers, payerKeysInRegion, type PayerDescription } from './describe-payers.ts';
export { payerDescription } from './payers.schemas.ts';
