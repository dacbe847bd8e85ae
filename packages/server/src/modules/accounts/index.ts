export { creditYearInterest, type InterestResult } from './credit-interest.ts';
export { insertAccountEntriesForBills } from './account-credits.repository.ts';
