export {
  rightsRecord,
  rightsRecordForYear,
  findPersonId,
  readRecordRows,
  assembleRecord,
  type RecordRows,
  type RightsRecordDeps,
} from './rights-record.service.ts';
export { serializeRecord } from './serialize-record.ts';
export { rightsRecordToCsv } from './export-csv.ts';
export {
  rightsRecordInput,
  rightsRecordReply,
  rightsMonth,
  contributionMonths,
  accountYear,
  MONTH_STATUSES,
  type RightsRecordInput,
  type RightsRecord,
  type RightsMonth,
  type ContributionMonths,
  type AccountYear,
  type MonthStatus,
} from './rights-record.schemas.ts';
export {
  checkPersonYearSummaries,
  rebuildSummaries,
  type SummaryCheck,
} from './person-year-summaries.repository.ts';
