export { insertPostings, selectAccountBalances, type AccountBalance } from './repository.ts';
export { verifyLedger, type VerificationReport, type VerificationCheck } from './verify-ledger.ts';
