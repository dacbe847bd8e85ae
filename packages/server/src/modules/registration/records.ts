import type { Selectable } from 'kysely';
import type {
  ContributionBasesTable,
  DeclarationsTable,
  EmployersTable,
  EmploymentsTable,
  FlexibleEnrolmentsTable,
  HireReason,
  LeaveReason,
  PersonsTable,
} from '../../db/index.ts';

/** What the registration module hands out: camelCase objects, one per table row. */

export interface Employer {
  id: number;
  creditCode: string;
  name: string;
  regionCode: string;
  industryClass: number;
  injuryFloatPpm: number;
  bankAccount: string | null;
  contactName: string | null;
  contactPhone: string | null;
  establishedOn: string;
  registeredOn: string;
  recordedAt: string;
}

export interface Person {
  id: number;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  hukouRegionCode: string;
  hukouType: 'urban' | 'rural';
  category: 'employee' | 'flexible' | 'resident';
  regionCode: string;
  registeredOn: string;
  recordedAt: string;
}

export interface Employment {
  id: number;
  personId: number;
  employerId: number;
  regionCode: string;
  hiredOn: string;
  hireReason: HireReason;
  /** The last day employed (inclusive); null while employed. */
  leftOn: string | null;
  leaveReason: LeaveReason | null;
  /** The day the end was reported to the agency; null while employed, or when not known. */
  leaveReportedOn: string | null;
  registeredOn: string;
  recordedAt: string;
}

export interface ContributionBase {
  id: number;
  personId: number;
  employerId: number;
  regionCode: string;
  cycleStart: string;
  declaredFen: number;
  source: 'yearly' | 'new_hire' | 'correction';
  version: number;
  declaredOn: string;
  recordedAt: string;
}

export interface FlexibleEnrolment {
  id: number;
  personId: number;
  regionCode: string;
  baseFen: number;
  gradePpm: number;
  paymentMethod: 'withholding' | 'self';
  bankAccount: string | null;
  agreementNo: string | null;
  startPeriod: string;
  endPeriod: string | null;
  enrolledOn: string;
  recordedAt: string;
}

export interface Declaration {
  employerId: number;
  period: string;
  declaredOn: string;
  recordedAt: string;
}

// PostgreSQL bigint ids arrive as numbers (see db/postgres-dialect.ts); Number() keeps SQLite and PostgreSQL alike.

export function toEmployer(row: Selectable<EmployersTable>): Employer {
  return {
    id: Number(row.id),
    creditCode: row.credit_code,
    name: row.name,
    regionCode: row.region_code,
    industryClass: row.industry_class,
    injuryFloatPpm: row.injury_float_ppm,
    bankAccount: row.bank_account,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    establishedOn: row.established_on,
    registeredOn: row.registered_on,
    recordedAt: row.recorded_at,
  };
}

export function toPerson(row: Selectable<PersonsTable>): Person {
  return {
    id: Number(row.id),
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    hukouRegionCode: row.hukou_region_code,
    hukouType: row.hukou_type,
    category: row.category,
    regionCode: row.region_code,
    registeredOn: row.registered_on,
    recordedAt: row.recorded_at,
  };
}

export function toEmployment(row: Selectable<EmploymentsTable>): Employment {
  return {
    id: Number(row.id),
    personId: Number(row.person_id),
    employerId: Number(row.employer_id),
    regionCode: row.region_code,
    hiredOn: row.hired_on,
    hireReason: row.hire_reason,
    leftOn: row.left_on,
    leaveReason: row.leave_reason,
    leaveReportedOn: row.leave_reported_on,
    registeredOn: row.registered_on,
    recordedAt: row.recorded_at,
  };
}

export function toContributionBase(row: Selectable<ContributionBasesTable>): ContributionBase {
  return {
    id: Number(row.id),
    personId: Number(row.person_id),
    employerId: Number(row.employer_id),
    regionCode: row.region_code,
    cycleStart: row.cycle_start,
    declaredFen: Number(row.declared_fen),
    source: row.source,
    version: row.version,
    declaredOn: row.declared_on,
    recordedAt: row.recorded_at,
  };
}

export function toFlexibleEnrolment(row: Selectable<FlexibleEnrolmentsTable>): FlexibleEnrolment {
  return {
    id: Number(row.id),
    personId: Number(row.person_id),
    regionCode: row.region_code,
    baseFen: Number(row.base_fen),
    gradePpm: row.grade_ppm,
    paymentMethod: row.payment_method,
    bankAccount: row.bank_account,
    agreementNo: row.agreement_no,
    startPeriod: row.start_period,
    endPeriod: row.end_period,
    enrolledOn: row.enrolled_on,
    recordedAt: row.recorded_at,
  };
}

export function toDeclaration(row: Selectable<DeclarationsTable>): Declaration {
  return {
    employerId: Number(row.employer_id),
    period: row.period,
    declaredOn: row.declared_on,
    recordedAt: row.recorded_at,
  };
}
