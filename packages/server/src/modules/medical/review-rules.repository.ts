import { formatFenAsYuan, formatRoundedDecimal } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database, ReviewRule } from '../../db/schema.ts';

/*
 * The supervision rules over settled claims (docs/RULES.md 16.7), each one set query over the claims of a
 * region settled in a span of days that still stand, returning the claims it flags with what it saw. The
 * scan (scan-claims.ts) writes them as review flags, once per claim and rule. Death reports are survival's;
 * this reads them (db/table-owners.ts).
 */

type Db = Kysely<Database>;

export interface Candidate {
  claimId: number;
  rule: ReviewRule;
  detail: string;
}

interface Span {
  regionPrefix: string;
  from: string;
  to: string;
}

const standing = (alias: string) =>
  sql`not exists (select 1 from medical_claim_cancellations x where x.claim_id = ${sql.ref(`${alias}.id`)})`;
const inSpan = (span: Span) =>
  sql`c.region_code like ${`${span.regionPrefix}%`} and c.settled_on >= ${span.from} and c.settled_on <= ${span.to}`;

/** The same item charged twice to one person on one day, on one claim or on two. */
export async function sameItemTwice(db: Db, span: Span): Promise<Candidate[]> {
  const { rows } = await sql<{ id: number; code: string; name: string; other: string | null }>`
    select distinct c.id, i.code, i.name, case when o.id = c.id then null else o.claim_no end as other
    from medical_claims c
    join medical_claim_items i on i.claim_id = c.id
    join medical_claims o on o.person_id = c.person_id and o.visit_date = c.visit_date
    join medical_claim_items j on j.claim_id = o.id and j.code = i.code
      and (o.id < c.id or (o.id = c.id and j.line_no < i.line_no))
    where ${inSpan(span)} and ${standing('c')} and ${standing('o')}`.execute(db);
  return rows.map((row) => ({
    claimId: Number(row.id),
    rule: 'same-item-twice' as const,
    detail: `${row.code} ${row.name} charged twice on the visit's day (${row.other === null ? 'same claim' : `also on ${row.other}`})`,
  }));
}

/** Inpatient stays at one institution with the discharge of the one before and the admission of the next. */
export async function readmissionPairs(
  db: Db,
  span: Span,
): Promise<{ claimId: number; admittedOn: string; otherNo: string; dischargedOn: string }[]> {
  const { rows } = await sql<{ id: number; visit_date: string; claim_no: string; discharge_date: string }>`
    select c.id, c.visit_date, o.claim_no, o.discharge_date
    from medical_claims c
    join medical_claims o on o.person_id = c.person_id and o.institution_id = c.institution_id
      and o.kind = 'inpatient' and o.id <> c.id and o.discharge_date <= c.visit_date
    where c.kind = 'inpatient' and ${inSpan(span)} and ${standing('c')} and ${standing('o')}`.execute(db);
  return rows.map((row) => ({
    claimId: Number(row.id),
    admittedOn: row.visit_date,
    otherNo: row.claim_no,
    dischargedOn: row.discharge_date,
  }));
}

/** Claims with a visit after the person's confirmed death. */
export async function afterDeath(db: Db, span: Span): Promise<Candidate[]> {
  const { rows } = await sql<{ id: number; visit_date: string; date_of_death: string }>`
    select c.id, c.visit_date, d.date_of_death
    from medical_claims c
    join death_reports d on d.person_id = c.person_id and d.state = 'confirmed'
    where ${inSpan(span)} and ${standing('c')} and c.visit_date > d.date_of_death`.execute(db);
  return rows.map((row) => ({
    claimId: Number(row.id),
    rule: 'after-death' as const,
    detail: `visit on ${row.visit_date}, after the death on ${row.date_of_death}`,
  }));
}

/** A claim at one institution on a day the person was staying in another. */
export async function twoPlaces(db: Db, span: Span): Promise<Candidate[]> {
  const { rows } = await sql<{ id: number; visit_date: string; claim_no: string; name: string }>`
    select distinct c.id, c.visit_date, o.claim_no, i.name
    from medical_claims c
    join medical_claims o on o.person_id = c.person_id and o.kind = 'inpatient'
      and o.institution_id <> c.institution_id and o.id <> c.id
      and o.visit_date <= c.visit_date and o.discharge_date >= c.visit_date
    join medical_institutions i on i.id = o.institution_id
    where ${inSpan(span)} and ${standing('c')} and ${standing('o')}`.execute(db);
  return rows.map((row) => ({
    claimId: Number(row.id),
    rule: 'two-places' as const,
    detail: `visit on ${row.visit_date} while staying at ${row.name} (${row.claim_no})`,
  }));
}

/**
 * Claims whose total exceeds `multiplePpm` / 10^6 times their institution's average for the kind over the
 * year before `to`, where the institution has at least `minimum` claims of the kind to make an average.
 */
export async function aboveNorm(
  db: Db,
  span: Span,
  options: { since: string; multiplePpm: number; minimum: number },
): Promise<Candidate[]> {
  // Sums and counts, never an average in floating point: total × claims × 10^6 > sum × multiple.
  const { rows } = await sql<{
    id: number;
    total_fen: number | string;
    sum: number | string;
    claims: number | string;
    kind: string;
  }>`
    select c.id, c.total_fen, n.total as sum, n.claims, c.kind
    from medical_claims c
    join (
      select institution_id, kind, sum(total_fen) as total, count(*) as claims
      from medical_claims m
      where m.settled_on >= ${options.since} and m.settled_on <= ${span.to} and ${standing('m')}
      group by institution_id, kind
    ) n on n.institution_id = c.institution_id and n.kind = c.kind
    where ${inSpan(span)} and ${standing('c')} and n.claims >= ${options.minimum}
      and c.total_fen * n.claims * 1000000 > n.total * ${options.multiplePpm}`.execute(db);
  return rows.map((row) => ({
    claimId: Number(row.id),
    rule: 'above-norm' as const,
    detail: `total ${formatFenAsYuan(Number(row.total_fen))} yuan against the institution's ${row.claims} ${row.kind} claims averaging ${formatRoundedDecimal(
      BigInt(row.sum),
      BigInt(row.claims) * 100n,
      2,
    )} yuan`,
  }));
}
