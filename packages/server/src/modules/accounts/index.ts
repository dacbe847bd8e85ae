export { creditYearInterest, type InterestResult } from './credit-interest.ts';
export { insertAccountEntriesForBills } from './account-credits.repository.ts';
export {
  insertMedicalAccountEntries,
  selectMedicalAccountMovements,
  selectMedicalBalances,
  selectRetireeCredited,
  type MedicalAccountEntry,
} from './medical-account.repository.ts';
