export { creditYearInterest, type InterestResult } from './credit-interest.ts';
