import { AMOUNT_COLUMNS } from '@shebao/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf, type Database } from '../../db/index.ts';

/**
 * The notices of a person's contribution months, each written in one INSERT ... SELECT over collection's
 * bills and lines and registration's employers (a read model: db/table-owners.ts TABLE_READERS), so that
 * telling every employee of a paid bill costs one statement, not one per person. Event keys name the
 * bill, the person and the month: a repeat writes nothing.
 */

// What was paid for the person's month on the bill: every party's amount for every insurance.
const LINE_TOTAL = sql.raw(AMOUNT_COLUMNS.map((column) => `l.${column.column}`).join(' + '));

function jsonObject(db: Kysely<Database>, pairs: [string, RawBuilder<unknown>][]): RawBuilder<string> {
  const args = sql.join(pairs.flatMap(([key, value]) => [sql.lit(key), value]));
  return dialectOf(db) === 'postgres'
    ? sql<string>`json_build_object(${args})::text`
    : sql<string>`json_object(${args})`;
}

function personIdText(db: Kysely<Database>): RawBuilder<string> {
  return dialectOf(db) === 'postgres'
    ? sql<string>`l.person_id::text`
    : sql<string>`cast(l.person_id as text)`;
}

/** "Credited" to each person on these bills, paid in full just now (docs/RULES.md 17.6). */
export async function insertCreditedNotices(
  db: Kysely<Database>,
  billIds: readonly number[],
  at: string,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < billIds.length; start += 500) {
    const chunk = billIds.slice(start, start + 500);
    const params = jsonObject(db, [
      ['period', sql`l.period`],
      ['payer', sql`e.name`],
      ['billNo', sql`b.bill_no`],
      ['amountFen', sql`sum(${LINE_TOTAL})`],
    ]);
    const result = await sql`
      insert into notices (recipient_kind, recipient_id, region_code, kind, event_key, params, link, created_at)
      select 'person', l.person_id, b.region_code, 'contribution.credited',
        'credited:' || b.bill_no || ':' || ${personIdText(db)} || ':' || l.period, ${params}, '/person/record', ${at}
      from contribution_lines l
      join bills b on b.id = l.bill_id
      left join employers e on e.id = b.employer_id
      where l.bill_id in (${sql.join(chunk)}) and l.person_id is not null and b.kind <> 'late_fee'
      group by l.person_id, b.region_code, b.bill_no, l.period, e.name
      on conflict (event_key) do nothing`.execute(db);
    written += Number(result.numAffectedRows ?? 0);
  }
  return written;
}

/**
 * "Unpaid" to each person on a contribution bill whose due date passed in the window [fromDate, toDate]
 * and that is not paid in full (docs/RULES.md 17.6). The window is the days since the last scan, so each
 * bill is looked at once or twice, not every day of its life.
 */
export async function insertUnpaidNotices(
  db: Kysely<Database>,
  window: { fromDate: string; toDate: string; regionPrefix?: string | undefined },
  at: string,
): Promise<number> {
  const params = jsonObject(db, [
    ['period', sql`l.period`],
    ['payer', sql`e.name`],
    ['billNo', sql`b.bill_no`],
    ['dueOn', sql`b.due_date`],
    ['owedFen', sql`sum(${LINE_TOTAL})`],
  ]);
  const region = window.regionPrefix ? sql`and b.region_code like ${`${window.regionPrefix}%`}` : sql``;
  const result = await sql`
    insert into notices (recipient_kind, recipient_id, region_code, kind, event_key, params, link, created_at)
    select 'person', l.person_id, b.region_code, 'contribution.unpaid',
      'unpaid:' || b.bill_no || ':' || ${personIdText(db)} || ':' || l.period, ${params}, '/person/record', ${at}
    from bills b
    join contribution_lines l on l.bill_id = b.id
    left join employers e on e.id = b.employer_id
    where b.due_date >= ${window.fromDate} and b.due_date <= ${window.toDate}
      and b.kind <> 'late_fee' and b.paid_fen < b.total_fen and l.person_id is not null ${region}
    group by l.person_id, b.region_code, b.bill_no, b.due_date, l.period, e.name
    on conflict (event_key) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
