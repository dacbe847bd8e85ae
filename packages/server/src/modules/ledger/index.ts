export { insertPostings, selectAccountBalances, type AccountBalance } from './ledger.repository.ts';
export {
  verifyLedger,
  type VerificationReport,
  type VerificationCheck,
  type VerifyLedgerOptions,
} from './verify-ledger.ts';
export { verifyJournalChain, type BrokenLink } from './verify-journal-chain.ts';
export { readJournalAnchor, parseJournalAnchors, type JournalAnchor } from './journal-anchor.ts';
export { selectPostedEventKeys, selectPostedEvents } from './payment-postings.repository.ts';
