export { flexibleContribution, type FlexibleContributionDeps } from './flexible-contribution.ts';
export { quoteFlexibleMonth } from './quote-flexible-month.ts';
export type { FlexibleContribution, MonthlyQuote } from './flexible-grade.schemas.ts';
