import { assembleRecord, chinaDateOf, recordRange, type RecordRows, type RightsRecord } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { parseJsonRows } from '../../db/json-rows.ts';
import {
  selectLinesAndAccounts,
  selectPeriodsOnBills,
  selectPersonYearsAndUnpaidBills,
  type AccountEntryTuple,
  type AccountOpeningTuple,
  type LineTuple,
  type YearSummaryTuple,
} from './rights-record.repository.ts';
import { selectPersonIdByIdNumber } from '../registration/index.ts';
import { rightsRecordInput, type RightsRecordInput } from './rights-record.schemas.ts';

export interface RightsRecordDeps {
  db: Kysely<Database>;
  /** Today (China time) decides how far a whole record runs and up to when a gap counts: docs/RULES.md 13.1. */
  clock: Clock;
}

/** Today's business date in China time. */
function todayOf(clock: Clock): string {
  return chinaDateOf(clock.now());
}

/**
 * A person's rights record (SIL Art. 4): month by month per payer, contribution months per insurance,
 * personal-account years with interest, gaps and overlaps. Validates the input; see rightsRecordForYear
 * for the hot path behind "one person, one year".
 */
export async function rightsRecord(deps: RightsRecordDeps, input: RightsRecordInput): Promise<RightsRecord> {
  const parsed = rightsRecordInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { personId, year, from, to } = parsed.data;
  if (year !== undefined) return rightsRecordForYear(deps, personId, year);
  return buildRecord(deps, personId, from, to);
}

/** One person's record for one calendar year: two compiled statements, no validation beyond the essentials. */
export function rightsRecordForYear(
  deps: RightsRecordDeps,
  personId: number,
  year: number,
): Promise<RightsRecord> {
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    throw new AppError(ErrorCode.VALIDATION, `year: ${year} is not a year`, { field: 'year' });
  }
  return buildRecord(deps, personId, `${year}-01`, `${year}-12`);
}

/** The person's id for a resident identity number, or NOT_FOUND naming the field. */
export async function findPersonId(deps: Pick<RightsRecordDeps, 'db'>, idNumber: string): Promise<number> {
  const id = await selectPersonIdByIdNumber(deps.db, idNumber.trim().toUpperCase());
  if (id === undefined) {
    throw new AppError(ErrorCode.NOT_FOUND, `idNumber: no person is registered with this identity number`, {
      field: 'idNumber',
    });
  }
  return id;
}

async function buildRecord(
  deps: RightsRecordDeps,
  personId: number,
  fromInput: string | undefined,
  toInput: string | undefined,
): Promise<RightsRecord> {
  return assembleRecord(await readRecordRows(deps.db, personId, fromInput, toInput, todayOf(deps.clock)));
}

/** The rows of one person's record: two compiled statements (three if they owe anything). */
export async function readRecordRows(
  db: Kysely<Database>,
  personId: number,
  fromInput: string | undefined,
  toInput: string | undefined,
  today: string,
): Promise<RecordRows> {
  const [summary] = await selectPersonYearsAndUnpaidBills(db, personId, personId, `P${personId}`, personId);
  const [person] = parseJsonRows<RecordRows['person']>(summary?.person);
  if (!person) {
    throw new AppError(ErrorCode.NOT_FOUND, `personId: no person ${personId}`, { field: 'personId' });
  }
  const years = parseJsonRows<YearSummaryTuple>(summary?.years).sort((a, b) => a[0] - b[0]);
  const unpaidBillIds = parseJsonRows<[number]>(summary?.unpaid).map(([id]) => Number(id));
  const { from, to } = recordRange(years, fromInput, toInput, today);

  const firstYearStart = `${from.slice(0, 4)}-01`;
  const [lineRows] = await selectLinesAndAccounts(
    db,
    personId,
    from,
    to,
    personId,
    firstYearStart,
    personId,
    firstYearStart,
    to,
  );
  const unpaidPeriods = unpaidBillIds.length
    ? (await selectPeriodsOnBills(db, personId, to, unpaidBillIds)).map((row) => row.period)
    : [];
  return {
    person,
    from,
    to,
    today,
    years,
    unpaidPeriods,
    lines: parseJsonRows<LineTuple>(lineRows?.lines),
    accountOpening: parseJsonRows<AccountOpeningTuple>(lineRows?.opening)[0],
    accountEntries: parseJsonRows<AccountEntryTuple>(lineRows?.entries),
  };
}

export { assembleRecord, type RecordRows };
