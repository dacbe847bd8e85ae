export {
  assessMonth,
  closeRun,
  type CollectionRunResult,
  type CollectionProgress,
  type MonthRun,
  type RunCollectionInput,
} from './run-collection.ts';
export type { CollectionDeps } from './collection-deps.ts';
export {
  LINE_AMOUNT_COLUMNS,
  LINE_BASE_COLUMNS,
  LINE_COLUMNS,
  addToTotals,
  emptyTotals,
  regularBillNo,
  toLineRow,
  type BillTotals,
} from './bill-rows.ts';
export { dueDateOf } from './due-date.ts';
export {
  planReassessment,
  reassessPeriod,
  type ReassessInput,
  type ReassessPlan,
  type ReassessResult,
} from './reassess-months.ts';
export {
  findEstimatesToSettle,
  settleEstimate,
  type Settlement,
  type SettlementResult,
} from './settle-estimates.ts';
export {
  listBills,
  getBill,
  findBillOwner,
  insertBill,
  insertBillRows,
  insertLineRows,
  type BillSummary,
  type BillFilter,
  type BillHeader,
  type BillLine,
} from './bills.repository.ts';
export {
  insertCancellingBill,
  refreshPaidAmounts,
  selectAccountParts,
  selectBillsById,
  selectCreditBillHolders,
  selectOpenBillsOfPayers,
  selectRegionsOfPayers,
  type PayableBill,
} from './payable-bills.repository.ts';
export { selectAdjustmentsOfPerson, type PersonAdjustment } from './adjustments-of-person.repository.ts';
