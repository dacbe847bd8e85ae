export { createRegistrationService, type RegistrationService } from './registration.service.ts';
export type {
  ContributionBase,
  Declaration,
  Employer,
  Employment,
  FlexibleEnrolment,
  Person,
} from './records.ts';
export type { EmployerRegistration } from './register-employer.ts';
export type { PersonRegistration } from './register-person.ts';
export type { HireResult } from './hire.ts';
export type { BulkBaseResult, BulkOptions, RowError } from './declare-bases.ts';
export type { BaseFileRequest, BaseFileResult, BaseRowsFileResult } from './declare-base-file.ts';
export {
  BASE_FILE_COLUMN_NAMES,
  readBaseCsv,
  readBaseXlsx,
  writeBaseCsv,
  writeBaseXlsx,
  XLSX_CONTENT_TYPE,
  type BaseFileError,
  type BaseFileRecord,
  type BaseFileTemplateRow,
} from './base-file.ts';
export type { FlexibleEnrolmentResult } from './enrol-flexible.ts';
export { nextGradePeriod, type FlexibleGradeChange } from './change-flexible-grade.ts';
export type { MonthDeclarationResult } from './declare-month.ts';
export {
  HIRE_REASONS,
  LEAVE_REASONS,
  changeFlexibleGradeInput,
  declareBaseInput,
  declareMonthInput,
  enrolFlexibleInput,
  hireInput,
  leaveInput,
  registerEmployerInput,
  registerPersonInput,
  stopFlexibleInput,
  type ChangeFlexibleGradeInput,
  type DeclareBaseInput,
  type DeclareMonthInput,
  type EnrolFlexibleInput,
  type HireInput,
  type LeaveInput,
  type RegisterEmployerInput,
  type RegisterPersonInput,
  type StopFlexibleInput,
} from './registration.schemas.ts';

// What other modules ask registration, which owns its tables (db/table-owners.ts): a query file per need,
// named for what it serves.
export { selectPersonRegionCode } from './registration.repository.ts';
export {
  payerKeysInRegion,
  selectEmployerNames,
  selectEmployerPayerByCreditCode,
  selectPersonNames,
  selectPersonPayerByIdNumber,
} from './payer-lookup.repository.ts';
export {
  countStaffWithoutBase,
  hasDeclaredMonth,
  selectEmployerRegion,
  selectStaffPage,
} from './employer-pages.repository.ts';
export {
  loadRegistrationRows,
  loadRegistrationRowsReturningIds,
  type RegistrationTable,
} from './bulk-load.repository.ts';
export {
  selectDeclaredEmployerIds,
  selectDeclaredMonths,
  selectEmployeeMonths,
  selectEmployerClasses,
  selectFlexibleMonths,
  selectRegionEmployers,
  type AssessedEmployer,
  type EmployeeMonth,
  type FlexibleMonth,
} from './assessment-inputs.repository.ts';
export {
  selectEmployersByCreditCode,
  selectPayerRegion,
  selectPersonsByIdNumber,
} from './payer-regions.repository.ts';
export {
  employerExists,
  selectEmployerIdByCreditCode,
  selectPersonIdByIdNumber,
  selectPersonName,
} from './account-holders.repository.ts';
export { selectBirthDates, selectPersonsBornBetween } from './retirement-candidates.repository.ts';
export {
  countPersonsInRegion,
  selectEmployersInRegion,
  selectPersonIdsInRegion,
} from './notice-recipients.repository.ts';
