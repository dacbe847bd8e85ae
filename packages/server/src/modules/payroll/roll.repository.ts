import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, BenefitRollTable } from '../../db/index.ts';
import { startsWith } from '../../db/prefix-range.ts';
import { FUNDS, type Fund } from '@shebao/domain';

type Db = Kysely<Database>;
export type RollRow = Selectable<BenefitRollTable>;

export async function insertRollRow(db: Db, row: Insertable<BenefitRollTable>): Promise<number> {
  const { id } = await db.insertInto('benefit_roll').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectRollByAward(db: Db, awardNo: string): Promise<RollRow | undefined> {
  return db.selectFrom('benefit_roll').selectAll().where('award_no', '=', awardNo).executeTakeFirst();
}

export function selectRollById(db: Db, id: number): Promise<RollRow | undefined> {
  return db.selectFrom('benefit_roll').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectRollsOfPerson(db: Db, personId: number): Promise<RollRow[]> {
  return db.selectFrom('benefit_roll').selectAll().where('person_id', '=', personId).orderBy('id').execute();
}

export async function selectStoppedRolls(
  db: Db,
  awardNos: readonly string[],
): Promise<{ award_no: string; stopped_after: string }[]> {
  if (awardNos.length === 0) return [];
  const rows = await db
    .selectFrom('benefit_roll')
    .select(['award_no', 'stopped_after'])
    .where('award_no', 'in', [...awardNos])
    .where('stopped_after', 'is not', null)
    .execute();
  return rows.map((row) => ({ award_no: row.award_no, stopped_after: row.stopped_after! }));
}

/** Repoints the payee of every award of the person not stopped (the card they chose); returns how many. */
export async function updatePayeeOfPerson(
  db: Db,
  personId: number,
  payee: Pick<Updateable<BenefitRollTable>, 'payee_kind' | 'payee_account' | 'bank_code' | 'updated_at'>,
): Promise<number> {
  const result = await db
    .updateTable('benefit_roll')
    .set(payee)
    .where('person_id', '=', personId)
    .where('stopped_after', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function updateRoll(db: Db, id: number, changes: Updateable<BenefitRollTable>): Promise<void> {
  await db.updateTable('benefit_roll').set(changes).where('id', '=', id).execute();
}

/** The region's roll: how many awards, and the highest id (the chunks run over ids up to it). */
export async function selectRollExtent(
  db: Db,
  regionPrefix: string,
): Promise<{ count: number; maxId: number }> {
  const row = await db
    .selectFrom('benefit_roll')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('id').as('max_id')])
    .where(startsWith(db, 'region_code', regionPrefix))
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), maxId: Number(row.max_id ?? 0) };
}

/**
 * Arrears or recoveries for the months already paid (or on their way) that the awards' latest versions
 * change (their months from the version's first on; earlier months are not touched by it), in one
 * INSERT ... SELECT: for each such month, the new amount less what the month was owed when paid and every
 * difference already recorded for it. Returns the items written.
 */
export async function insertVersionDifferences(
  db: Db,
  input: { rollIds: readonly number[]; sourceKey: string; note: string; recordedAt: string },
): Promise<number> {
  if (input.rollIds.length === 0) return 0;
  const result = await sql`
    insert into payment_adjustments (roll_id, for_period, pooled_fen, account_fen, reason, note, source_key, recorded_at)
    select d.roll_id, d.period, d.owed - d.paid, 0, 'award-version', ${input.note}, ${input.sourceKey}, ${input.recordedAt}
    from (
      select l.roll_id, l.period,
        r.monthly_fen as owed,
        l.due_fen + coalesce((select sum(a.pooled_fen + a.account_fen) from payment_adjustments a
          where a.roll_id = l.roll_id and a.for_period = l.period and a.reason = 'award-version'), 0) as paid
      from payroll_lines l
      join benefit_roll r on r.id = l.roll_id
      where l.roll_id in (${sql.join([...input.rollIds])}) and l.kind = 'month' and l.period >= r.monthly_from
        and l.state in ('owed', 'returned', 'released')
    ) d
    where d.owed <> d.paid`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Withheld months from the latest version's first are owed its amount when they are released. */
export async function updateWithheldDue(db: Db, rollIds: readonly number[]): Promise<void> {
  if (rollIds.length === 0) return;
  await sql`
    update payroll_lines set due_fen = (select r.monthly_fen from benefit_roll r where r.id = payroll_lines.roll_id)
    where roll_id in (${sql.join([...rollIds])}) and state = 'withheld'
      and period >= (select r.monthly_from from benefit_roll r where r.id = payroll_lines.roll_id)`.execute(
    db,
  );
}

/** The region's awards with months owed from before their first run, up to the month paid now. */
export function selectRollsAwaitingBackPay(db: Db, regionPrefix: string, period: string) {
  return db
    .selectFrom('benefit_roll')
    .selectAll()
    .where('back_pay_from', 'is not', null)
    .where('back_pay_from', '<=', period)
    .where(startsWith(db, 'region_code', regionPrefix))
    .execute();
}

export async function clearBackPay(db: Db, rollIds: readonly number[]): Promise<void> {
  for (let start = 0; start < rollIds.length; start += 500)
    await db
      .updateTable('benefit_roll')
      .set({ back_pay_from: null })
      .where('id', 'in', rollIds.slice(start, start + 500))
      .execute();
}

/**
 * The funds a region's run pays from: the pension fund always, and each other fund with an award on the
 * region's roll (stopped ones too: a payment returned by the bank may wait to be paid again) or a one-time
 * payment not yet paid, each found through a small index rather than by reading the roll.
 */
export async function selectFundsToPay(db: Db, regionPrefix: string): Promise<Fund[]> {
  const funds = new Set<Fund>(['pension']);
  for (const fund of FUNDS) {
    if (fund === 'pension') continue;
    const found = await sql<{ one: number }>`
      select 1 as one where exists (select 1 from benefit_roll r where r.fund = ${fund}
          and ${startsWith(db, 'r.region_code', regionPrefix)})
        or exists (select 1 from one_time_payments o where o.fund = ${fund}
          and ${startsWith(db, 'o.region_code', regionPrefix)}
          and not exists (select 1 from payroll_lines l where l.one_time_id = o.id))`.execute(db);
    if (found.rows.length > 0) funds.add(fund);
  }
  return FUNDS.filter((fund) => funds.has(fund));
}
