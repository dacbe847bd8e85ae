export { resolvePayer, type Payer } from './resolve-payer.ts';
export { describePayers, type PayerDescription } from './describe-payers.ts';
// The payer keys of a region as a subquery: registration's employers and persons there.
export { payerKeysInRegion } from '../registration/index.ts';
export { payerDescription } from './payers.schemas.ts';
