import {
  INSURANCE_COLUMNS,
  type AccountEntryTuple,
  type AccountOpeningTuple,
  type LineTuple,
  type YearSummaryTuple,
} from '@shebao/domain';
import { sql } from 'kysely';
import { jsonRows } from '../../db/json-rows.ts';
import { PERSON_YEAR_MASKS } from '../../db/migrations/person-year-summaries.ts';
import { prepareQuery } from '../../db/prepared-query.ts';

/**
 * The rights record's reads: short index ranges per person, compiled once (prepareQuery), their rows
 * returned as one JSON array each (jsonRows). The cumulative contribution months come from
 * person_year_summaries (a row per year, kept by a trigger: migration 0012); the year's months from the
 * person index of contribution_lines, which holds the whole line, with their bills by key; the account's
 * opening sum and the range's entries from the covering person index of personal_account_entries. Values
 * come back as JSON numbers on both databases; callers still convert with Number().
 */

/**
 * The person, every year of the person (a few dozen rows at most, one index range), and the ids of the bills not paid
 * in full, of any month, of every payer the person ever had (the employers they worked for, and themself
 * as a flexible worker): few, none for most people, through the partial index bills_unpaid. A month is
 * paid unless one of its lines is on one of those.
 */
export const selectPersonYearsAndUnpaidBills = prepareQuery(
  (dialect, personId: number, samePersonId: number, selfPayerKey: string, thirdPersonId: number) => sql<{
    person: unknown;
    years: unknown;
    unpaid: unknown;
  }>`select
    (select ${jsonRows(dialect, ['id', 'id_number', 'name', 'region_code'])} from persons
      where id = ${personId}) as person,
    (select ${jsonRows(dialect, ['year', ...PERSON_YEAR_MASKS])} from person_year_summaries
      where person_id = ${samePersonId}) as years,
    (select ${jsonRows(dialect, ['id'])} from bills
      where paid_fen < total_fen and payer_key in (
        select ${selfPayerKey} union all
        select 'E' || employer_id from employments where person_id = ${thirdPersonId})) as unpaid`,
);

/**
 * The person's lines in from..to with their bills and employers (the lines from the person index
 * contribution_lines_person_months alone, no table row; each bill by its key), and the personal account:
 * one sum of everything before the range's first year (its opening balance) and the entries from that
 * year up to `to` (the covering person index of personal_account_entries; summed per year by the caller,
 * because grouping them by an expression here costs SQLite a sorter per call, more than the rows). Each as
 * one JSON array.
 */
export const selectLinesAndAccounts = prepareQuery(
  (
    dialect,
    personId: number,
    from: string,
    to: string,
    personAgain: number,
    firstYearStart: string,
    personOnceMore: number,
    firstYearStartAgain: string,
    toAgain: string,
  ) => sql<{ lines: unknown; opening: unknown; entries: unknown }>`select (select ${jsonRows(dialect, [
    'l.period',
    'l.bill_id',
    ...INSURANCE_COLUMNS.map(({ column }) => `l.${column}`),
    'b.payer_key',
    'b.employer_id',
    'b.kind',
    'b.paid_fen',
    'b.total_fen',
    'e.name',
    'b.due_date',
  ])}
      from contribution_lines l
      join bills b on b.id = l.bill_id
      left join employers e on e.id = b.employer_id
      where l.person_id = ${personId} and l.period >= ${from} and l.period <= ${to}) as lines,
    (select ${jsonRows(dialect, ['pension', 'medical'])} from (
      select coalesce(sum(pension_fen), 0) as pension, coalesce(sum(medical_fen), 0) as medical
      from personal_account_entries
      where person_id = ${personAgain} and period < ${firstYearStart}) o) as opening,
    (select ${jsonRows(dialect, ['period', 'kind', 'pension_fen', 'medical_fen'])}
      from personal_account_entries
      where person_id = ${personOnceMore} and period >= ${firstYearStartAgain} and period <= ${toAgain})
      as entries`,
);

/** The months up to `to` in which the person has a line on one of these bills. */
export const selectPeriodsOnBills = prepareQuery(
  (_dialect, personId: number, to: string, billIds: number[]) => sql<{
    period: string;
  }>`select distinct period
    from contribution_lines
    where person_id = ${personId} and period <= ${to} and bill_id in (${sql.join(billIds)})`,
);

export type { AccountEntryTuple, AccountOpeningTuple, LineTuple, YearSummaryTuple };
