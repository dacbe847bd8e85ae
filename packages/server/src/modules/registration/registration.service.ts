import { regionCodePrefix } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { PolicyService } from '../policy/index.ts';
import type { BaseFileRecord, BaseFileTemplateRow } from './base-file.ts';
import type { RegistrationContext } from './context.ts';
import { baseFileTemplate } from './base-file-template.ts';
import {
  declareBaseFile,
  declareBaseRowsFile,
  type BaseFileRequest,
  type BaseFileResult,
  type BaseRowsFileResult,
} from './declare-base-file.ts';
import { declareBase, declareBases, type BulkBaseResult, type BulkOptions } from './declare-bases.ts';
import { employerContributionYear } from './employer-contribution-year.ts';
import { declareMonth, declareMonthForRegion, type MonthDeclarationResult } from './declare-month.ts';
import { changeFlexibleGrade, type FlexibleGradeChange } from './change-flexible-grade.ts';
import { enrolFlexible, type FlexibleEnrolmentResult } from './enrol-flexible.ts';
import { stopFlexible } from './stop-flexible.ts';
import { notFound } from './failures.ts';
import { hire, type HireResult } from './hire.ts';
import { leave } from './leave.ts';
import { listEmployerStaff, type StaffEmployment } from './list-employer-staff.ts';
import type {
  ContributionBase,
  Declaration,
  Employer,
  Employment,
  FlexibleEnrolment,
  Person,
} from './records.ts';
import { registerEmployer, type EmployerRegistration } from './register-employer.ts';
import { registerPerson, type PersonRegistration } from './register-person.ts';
import {
  selectBaseVersions,
  selectDeclaration,
  selectEmployerByCreditCode,
  selectEmployerById,
  selectEmployersInRegion,
  selectEmploymentById,
  selectEmploymentsOfEmployer,
  selectEmploymentsOfPerson,
  selectEnrolmentsOfPerson,
  selectLatestBasesOfEmployer,
  selectPersonById,
  selectPersonByIdNumber,
  selectPersonsInRegion,
  type EmployerSearch,
  type PersonSearch,
} from './registration.repository.ts';
import { canonicalCreditCode, canonicalIdNumber } from './resolve-refs.ts';
import type {
  ChangeFlexibleGradeInput,
  DeclareBaseInput,
  DeclareMonthInput,
  EnrolFlexibleInput,
  HireInput,
  LeaveInput,
  RegisterEmployerInput,
  RegisterPersonInput,
  StopFlexibleInput,
} from './registration.schemas.ts';

/**
 * Registration (SIL Arts. 57-58): employers, insured persons, hires and leaves, yearly contribution
 * bases, flexible workers and monthly declarations. Every command is one transaction; a refused
 * request writes nothing. Refusals are AppErrors naming the field.
 */
export interface RegistrationService {
  registerEmployer(input: RegisterEmployerInput): Promise<EmployerRegistration>;
  registerPerson(input: RegisterPersonInput): Promise<PersonRegistration>;
  hire(input: HireInput): Promise<HireResult>;
  leave(input: LeaveInput): Promise<Employment>;
  declareBase(input: DeclareBaseInput): Promise<ContributionBase>;
  /** All rows or none: returns the row errors instead of writing anything when any row is refused. */
  declareBases(rows: readonly DeclareBaseInput[], options?: BulkOptions): Promise<BulkBaseResult>;
  /** An employer's base file (CSV or .xlsx, read into records): all rows or none, errors by line. */
  declareBaseFile(records: readonly BaseFileRecord[], request: BaseFileRequest): Promise<BaseFileResult>;
  /** A base file whose rows name their employers and years (the command line's): all rows or none. */
  declareBaseRowsFile(
    records: readonly BaseFileRecord[],
    options?: { dryRun?: boolean },
  ): Promise<BaseRowsFileResult>;
  /** The employees a base file for the year should list, with the bases declared so far. */
  baseFileTemplate(employerId: number, cycleStart: string): Promise<BaseFileTemplateRow[]>;
  /** The contribution year of the employer's region that contains a month. */
  contributionYear(
    employerId: number,
    period: string,
  ): Promise<{ start: string; end: string; regionCode: string }>;
  enrolFlexible(input: EnrolFlexibleInput): Promise<FlexibleEnrolmentResult>;
  stopFlexible(input: StopFlexibleInput): Promise<FlexibleEnrolment>;
  /** A flexible worker's new grade, from the next month on. */
  changeFlexibleGrade(input: ChangeFlexibleGradeInput): Promise<FlexibleGradeChange>;
  declareMonth(input: DeclareMonthInput): Promise<MonthDeclarationResult>;
  declareMonthForRegion(regionCode: string, period: string): Promise<{ declared: number }>;

  /** NOT_FOUND when there is no such employer. */
  getEmployer(employerId: number): Promise<Employer>;
  findEmployerByCreditCode(creditCode: string): Promise<Employer | undefined>;
  /** Employers registered in a region or any region inside it, by id; a page after an id when asked. */
  listEmployers(
    regionCode: string,
    page?: { afterId?: number; limit?: number },
    search?: EmployerSearch,
  ): Promise<Employer[]>;
  /** Persons registered in a region or any region inside it, found by a search, by id. */
  listPersons(
    regionCode: string,
    search: PersonSearch,
    page: { afterId?: number; limit: number },
  ): Promise<Person[]>;
  /** NOT_FOUND when there is no such person. */
  getPerson(personId: number): Promise<Person>;
  /** Accepts the 15-digit legacy form too. */
  findPersonByIdNumber(idNumber: string): Promise<Person | undefined>;
  /** An employer's staff list: its employments (or those that include the given day) with names. */
  listEmployerStaff(employerId: number, options?: { activeOn?: string }): Promise<StaffEmployment[]>;
  /** An employer's employments, or only those that include the given day. */
  listEmployments(employerId: number, options?: { activeOn?: string }): Promise<Employment[]>;
  listPersonEmployments(personId: number): Promise<Employment[]>;
  findEmployment(employmentId: number): Promise<Employment | undefined>;
  /** The latest version of each base an employer declared for the cycle starting in `cycleStart`. */
  listLatestBases(employerId: number, cycleStart: string): Promise<ContributionBase[]>;
  /** Every version declared for one person at one employer, oldest first. */
  listBaseVersions(personId: number, employerId: number, cycleStart?: string): Promise<ContributionBase[]>;
  listFlexibleEnrolments(personId: number): Promise<FlexibleEnrolment[]>;
  getDeclaration(employerId: number, period: string): Promise<Declaration | undefined>;
}

export function createRegistrationService(
  db: Kysely<Database>,
  clock: Clock,
  policy: Pick<PolicyService, 'loadBook' | 'checkPeriod'>,
): RegistrationService {
  const context: RegistrationContext = {
    db,
    clock,
    loadBook: () => policy.loadBook(),
    checkPeriod: (period, field, regionCode) => policy.checkPeriod(period, field, regionCode),
  };
  return {
    registerEmployer: (input) => registerEmployer(context, input),
    registerPerson: (input) => registerPerson(context, input),
    hire: (input) => hire(context, input),
    leave: (input) => leave(context, input),
    declareBase: (input) => declareBase(context, input),
    declareBases: (rows, options) => declareBases(context, rows, options),
    declareBaseFile: (records, request) => declareBaseFile(context, records, request),
    declareBaseRowsFile: (records, options) => declareBaseRowsFile(context, records, options),
    baseFileTemplate: (employerId, cycleStart) => baseFileTemplate(context, employerId, cycleStart),
    contributionYear: (employerId, period) => employerContributionYear(context, employerId, period),
    enrolFlexible: (input) => enrolFlexible(context, input),
    stopFlexible: (input) => stopFlexible(context, input),
    changeFlexibleGrade: (input) => changeFlexibleGrade(context, input),
    declareMonth: (input) => declareMonth(context, input),
    declareMonthForRegion: (regionCode, period) => declareMonthForRegion(context, regionCode, period),

    async getEmployer(employerId) {
      const employer = await selectEmployerById(db, employerId);
      if (!employer) throw notFound('employerId', `no employer has id ${employerId}`);
      return employer;
    },
    findEmployerByCreditCode: (creditCode) => selectEmployerByCreditCode(db, canonicalCreditCode(creditCode)),
    listEmployers: (regionCode, page, search) =>
      selectEmployersInRegion(db, regionCodePrefix(regionCode), page, search),
    listPersons: (regionCode, search, page) =>
      selectPersonsInRegion(db, regionCodePrefix(regionCode), search, page),
    async getPerson(personId) {
      const person = await selectPersonById(db, personId);
      if (!person) throw notFound('personId', `no person has id ${personId}`);
      return person;
    },
    findPersonByIdNumber: (idNumber) => selectPersonByIdNumber(db, canonicalIdNumber(idNumber)),
    listEmployerStaff: (employerId, options) => listEmployerStaff(context, employerId, options),
    listEmployments: (employerId, options = {}) =>
      selectEmploymentsOfEmployer(db, employerId, options.activeOn),
    listPersonEmployments: (personId) => selectEmploymentsOfPerson(db, personId),
    findEmployment: (employmentId) => selectEmploymentById(db, employmentId),
    listLatestBases: (employerId, cycleStart) => selectLatestBasesOfEmployer(db, employerId, cycleStart),
    listBaseVersions: (personId, employerId, cycleStart) =>
      selectBaseVersions(db, personId, employerId, cycleStart),
    listFlexibleEnrolments: (personId) => selectEnrolmentsOfPerson(db, personId),
    getDeclaration: (employerId, period) => selectDeclaration(db, employerId, period),
  };
}
