export {
  runCollection,
  type CollectionRunResult,
  type CollectionProgress,
  type CollectionDeps,
} from './run-collection.ts';
export { LINE_AMOUNT_COLUMNS, LINE_BASE_COLUMNS, LINE_COLUMNS } from './bill-rows.ts';
export { reassessMonths, type ReassessInput, type ReassessResult } from './reassess-months.ts';
export { settleEstimates, type SettlementResult } from './settle-estimates.ts';
export {
  listBills,
  getBill,
  findBillOwner,
  type BillSummary,
  type BillFilter,
  type BillLine,
} from './bill-queries.ts';
