import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/** The region's rule for the premiums, as `unemployment.medicalPremium` gives it. */
export interface PremiumRule {
  ratePpm: number;
  base: 'benefit' | 'fixed';
  baseFen?: number;
}

/**
 * The medical premiums of a chunk's months of unemployment benefit (docs/RULES.md 15.21), in one
 * INSERT ... SELECT: for every line of the chunk that pays an unemployment award's month, the base (the
 * month's benefit, or the region's fixed base) × the rate, half-up to the fen. Returns what they add up to.
 */
export async function insertChunkPremiums(
  db: Db,
  chunk: { runId: number; period: string; afterId: number; throughId: number },
  rule: PremiumRule,
): Promise<number> {
  const base = rule.base === 'fixed' ? sql<number>`${sql.lit(rule.baseFen ?? 0)}` : sql<number>`l.due_fen`;
  await sql`
    insert into unemployment_medical_premiums (line_id, run_id, person_id, region_code, period, base_fen, rate_ppm, premium_fen)
    select l.id, l.run_id, r.person_id, r.region_code, l.period, ${base}, ${sql.lit(rule.ratePpm)},
      (${base} * ${sql.lit(rule.ratePpm)} + 500000) / 1000000
    from payroll_lines l join benefit_roll r on r.id = l.roll_id
    where l.run_id = ${chunk.runId} and l.period = ${chunk.period} and l.kind = 'month' and l.state = 'owed'
      and l.roll_id > ${chunk.afterId} and l.roll_id <= ${chunk.throughId} and r.fund = 'unemployment'`.execute(
    db,
  );
  const row = (
    await sql<{ total: number | string | null }>`
      select coalesce(sum(premium_fen), 0) as total from unemployment_medical_premiums p
      join payroll_lines l on l.id = p.line_id
      where p.run_id = ${chunk.runId} and l.roll_id > ${chunk.afterId} and l.roll_id <= ${chunk.throughId}
        and l.period = ${chunk.period}`.execute(db)
  ).rows[0];
  return Number(row?.total ?? 0);
}
