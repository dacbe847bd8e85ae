import {
  dateToPeriod,
  findContributionCycle,
  PolicyMissingError,
  rangesOverlap,
  type ContributionCycle,
  type PolicyBook,
} from '@shebao/domain';
import type { Insertable, Kysely } from 'kysely';
import type { ContributionBasesTable, Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { createVersionCounter } from './base-versions.ts';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import type { ContributionBase, Employer, Employment, Person } from './records.ts';
import {
  insertBase,
  insertBases,
  selectEmployersByCreditCodes,
  selectEmployersByIds,
  selectEmploymentsOfPersons,
  selectMaxBaseVersions,
  selectPersonsByIdNumbers,
  selectPersonsByIds,
} from './registration.repository.ts';
import { canonicalCreditCode, canonicalIdNumber } from './resolve-refs.ts';
import { declareBaseInput, type DeclareBaseInput } from './registration.schemas.ts';

/** One refused row of a bulk request: `row` counts from 1 for the first row given. */
export interface RowError {
  row: number;
  field: string;
  reason: string;
  code: ErrorCode;
}

/** With `dryRun`, nothing is written and `declared` counts the rows that would be. */
export type BulkBaseResult = { ok: true; declared: number } | { ok: false; declared: 0; errors: RowError[] };

export interface BulkOptions {
  /** Check every row and report, writing nothing: for "check my file" before sending it. */
  dryRun?: boolean;
}

type Request = ReturnType<typeof declareBaseInput.parse>;

interface Plan {
  errors: RowError[];
  rows: Insertable<ContributionBasesTable>[];
}

/**
 * The yearly base declaration (缴费基数申报) of many employees at once, as an employer's file: every
 * row is checked first and nothing is written unless all are valid. Lookups are set-based (one query
 * for the employers, one for the persons, one for their employments, one for the latest versions, each
 * chunked for long files) and the rows go in as multi-row inserts.
 */
export async function declareBases(
  context: RegistrationContext,
  inputs: readonly DeclareBaseInput[],
  options: BulkOptions = {},
): Promise<BulkBaseResult> {
  const book = await context.loadBook();
  return context.db.transaction().execute(async (trx) => {
    const plan = await planBases(trx, book, inputs, stampNow(context), context.checkPeriod);
    if (plan.errors.length > 0) return { ok: false, declared: 0, errors: plan.errors };
    if (!options.dryRun) await insertBases(trx, plan.rows);
    return { ok: true, declared: plan.rows.length };
  });
}

/** One employee's yearly base or a correction: a new version, never an edit of the last one. */
export async function declareBase(
  context: RegistrationContext,
  input: DeclareBaseInput,
): Promise<ContributionBase> {
  parseInput(declareBaseInput, input);
  const book = await context.loadBook();
  const work = async (trx: Kysely<Database>) => {
    const plan = await planBases(trx, book, [input], stampNow(context), context.checkPeriod);
    const [error] = plan.errors;
    if (error) throw new AppError(error.code, `${error.field}: ${error.reason}`, { field: error.field });
    return insertBase(trx, plan.rows[0]!);
  };
  // Joins the caller's transaction (an approved correction applies inside the approval's).
  return context.db.isTransaction ? work(context.db) : context.db.transaction().execute(work);
}

async function planBases(
  db: Kysely<Database>,
  book: PolicyBook,
  inputs: readonly DeclareBaseInput[],
  stamp: { today: string; recordedAt: string },
  checkPeriod: RegistrationContext['checkPeriod'],
): Promise<Plan> {
  const errors: RowError[] = [];
  const refuse = (row: number, field: string, reason: string, code: ErrorCode) =>
    errors.push({ row, field, reason, code });

  const requests: { row: number; request: Request }[] = [];
  inputs.forEach((input, index) => {
    const result = declareBaseInput.safeParse(input);
    if (result.success) requests.push({ row: index + 1, request: result.data });
    else {
      for (const issue of result.error.issues) {
        refuse(index + 1, issue.path.map(String).join('.') || 'row', issue.message, ErrorCode.VALIDATION);
      }
    }
  });

  const lookups = await lookUp(
    db,
    requests.map((entry) => entry.request),
  );
  const versions = createVersionCounter(await selectMaxBaseVersions(db, [...lookups.personsById.keys()]));
  const seen = new Map<string, number>();
  const rows: Insertable<ContributionBasesTable>[] = [];

  for (const { row, request } of requests) {
    const employer = lookups.employerOf(request);
    const person = lookups.personOf(request);
    const personField = request.personId !== undefined ? 'personId' : 'idNumber';
    if (!employer) {
      const field = request.employerId !== undefined ? 'employerId' : 'creditCode';
      refuse(row, field, 'no employer is registered under it', ErrorCode.NOT_FOUND);
    }
    if (!person) refuse(row, personField, 'no person is registered under it', ErrorCode.NOT_FOUND);
    if (!employer || !person) continue;

    const cycleField = request.cycleStart !== undefined ? 'cycleStart' : 'period';
    const asked = (request.cycleStart ?? request.period)!;
    try {
      // No base outside the region's coverage or beyond the horizon (docs/RULES.md 10.5).
      await checkPeriod(asked, cycleField, employer.regionCode);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuse(row, cycleField, error.message.replace(`${cycleField}: `, ''), ErrorCode.VALIDATION);
      continue;
    }
    let cycle: ContributionCycle;
    try {
      cycle = findContributionCycle(book, employer.regionCode, asked);
    } catch (error) {
      if (!(error instanceof PolicyMissingError)) throw error;
      refuse(row, cycleField, error.message, ErrorCode.POLICY_MISSING);
      continue;
    }
    if (request.cycleStart !== undefined && cycle.start !== request.cycleStart) {
      refuse(
        row,
        'cycleStart',
        `${request.cycleStart} is not the first month of a contribution year in region ${employer.regionCode}, ` +
          `where the year containing it runs from ${cycle.start} to ${cycle.end}`,
        ErrorCode.VALIDATION,
      );
      continue;
    }
    const employed = lookups
      .employmentsOf(person.id, employer.id)
      .some((employment) =>
        rangesOverlap(employmentMonths(employment), { from: cycle.start, to: cycle.end }),
      );
    if (!employed) {
      refuse(
        row,
        personField,
        `the person is not employed by ${employer.creditCode} at any time from ${cycle.start} to ${cycle.end}`,
        ErrorCode.RULE_VIOLATION,
      );
      continue;
    }
    const key = `${person.id}|${employer.id}|${cycle.start}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      refuse(
        row,
        personField,
        `row ${earlier} already declares this person's base for the year from ${cycle.start}; give one row per person`,
        ErrorCode.VALIDATION,
      );
      continue;
    }
    seen.set(key, row);
    rows.push({
      person_id: person.id,
      employer_id: employer.id,
      region_code: employer.regionCode,
      cycle_start: cycle.start,
      declared_fen: request.declaredFen,
      source: request.source,
      version: versions.next(person.id, employer.id, cycle.start),
      declared_on: stamp.today,
      recorded_at: stamp.recordedAt,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, rows };
}

/** An employment as months: contributions are due for the hire month through the month of leaving. */
function employmentMonths(employment: Employment) {
  return {
    from: dateToPeriod(employment.hiredOn),
    to: employment.leftOn === null ? null : dateToPeriod(employment.leftOn),
  };
}

/** Every employer, person and employment the requests name, each kind in one (chunked) query. */
async function lookUp(db: Kysely<Database>, requests: readonly Request[]) {
  const unique = <T>(values: (T | undefined)[]) => [
    ...new Set(values.filter((v): v is T => v !== undefined)),
  ];
  const codeOf = canonicalCreditCode;

  const employerIds = unique(requests.map((r) => r.employerId));
  const creditCodes = unique(
    requests.map((r) => (r.creditCode === undefined ? undefined : codeOf(r.creditCode))),
  );
  const personIds = unique(requests.map((r) => r.personId));
  const idNumbers = unique(
    requests.map((r) => (r.idNumber === undefined ? undefined : canonicalIdNumber(r.idNumber))),
  );

  const employers = [
    ...(employerIds.length ? await selectEmployersByIds(db, employerIds) : []),
    ...(creditCodes.length ? await selectEmployersByCreditCodes(db, creditCodes) : []),
  ];
  const persons = [
    ...(personIds.length ? await selectPersonsByIds(db, personIds) : []),
    ...(idNumbers.length ? await selectPersonsByIdNumbers(db, idNumbers) : []),
  ];
  const employersById = new Map<number, Employer>(employers.map((e) => [e.id, e]));
  const employersByCode = new Map<string, Employer>(employers.map((e) => [e.creditCode, e]));
  const personsById = new Map<number, Person>(persons.map((p) => [p.id, p]));
  const personsByIdNumber = new Map<string, Person>(persons.map((p) => [p.idNumber, p]));

  const employments = personsById.size ? await selectEmploymentsOfPersons(db, [...personsById.keys()]) : [];
  const employmentsByKey = new Map<string, Employment[]>();
  for (const employment of employments) {
    const key = `${employment.personId}|${employment.employerId}`;
    const list = employmentsByKey.get(key);
    if (list) list.push(employment);
    else employmentsByKey.set(key, [employment]);
  }

  return {
    personsById,
    employerOf: (r: Request) =>
      r.employerId !== undefined
        ? employersById.get(r.employerId)
        : employersByCode.get(codeOf(r.creditCode!)),
    personOf: (r: Request) =>
      r.personId !== undefined
        ? personsById.get(r.personId)
        : personsByIdNumber.get(canonicalIdNumber(r.idNumber!)),
    employmentsOf: (personId: number, employerId: number) =>
      employmentsByKey.get(`${personId}|${employerId}`) ?? [],
  };
}
