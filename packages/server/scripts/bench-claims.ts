/**
 * The medical claims benchmark (issue 17; docs/BENCHMARKS.md "Medical claims"): claims of a synthetic
 * Nanchang settled in real time through the medical service, sent by several concurrent workers as
 * hospitals' systems send them, on a fresh database; then the checks that every person's year totals equal
 * the sum of their settled claims and that no cap was passed, and `ledger verify`; against the raw insert
 * speed of the same database on the same machine.
 *
 *   npm run bench:claims -- --claims 200000 [--workers 64] [--json] [--profile] [--profile-dir DIR]
 *
 * --profile prints the time inside each kind of SQLite statement and the hottest functions of a CPU profile
 * of the settling; --profile-dir DIR writes that profile (bench-settle.cpuprofile) without timing statements.
 *
 * SQLite (a new file in a temp folder, WAL, the app's pragmas) unless DATABASE_URL names PostgreSQL, in
 * which case a new schema there. With --json the last line of stdout is one JSON object:
 * {"claims", "dialect", "claimsPerSec", "workers", "capsExact", "verifyOk"} and more.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { medicalBenefitRuleOf, type MedicalPersonType } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import { fixedClock } from '../src/app/clock.ts';
import type { Database } from '../src/db/index.ts';
import { ShebaoSqliteAdapter } from '../src/db/sqlite-dialect.ts';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import {
  createMedicalService,
  type ClaimOutcome,
  type ClaimSubmission,
} from '../src/modules/medical/index.ts';
import { createPolicyService, type PolicyService } from '../src/modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../src/modules/regions/index.ts';
import { HEAVY_CLAIMS, insertClaimsRegion, REGION, TODAY, YEAR } from './bench-claims-region.ts';
import { createStepProfiler, type HotFunction } from './bench-cpu-profile.ts';
import { openBenchDatabase } from './bench-open-database.ts';
import { measureRawInserts } from './bench-raw-insert.ts';
import { instrumentSqlite } from './bench-statement-timer.ts';

const TARGET_CLAIMS_PER_SEC = 5_000;

const { values: options } = parseArgs({
  options: {
    claims: { type: 'string', default: '200000' },
    persons: { type: 'string', default: '40000' },
    workers: { type: 'string', default: '64' },
    heavy: { type: 'string' },
    institutions: { type: 'string', default: '300' },
    seed: { type: 'string', default: '17' },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
  },
  strict: true,
});
const whole = (name: 'claims' | 'persons' | 'workers' | 'heavy' | 'institutions' | 'seed', least: number) => {
  const value = Number(options[name]);
  if (!Number.isSafeInteger(value) || value < least) {
    console.error(`--${name} must be a whole number of at least ${least}`);
    process.exit(2);
  }
  return value;
};
const claimCount = whole('claims', 1);
const personCount = whole('persons', 100);
const workerCount = whole('workers', 1);
const institutionCount = whole('institutions', 10);
const seed = whole('seed', 0);
// A tenth of the claims come from heavy persons, HEAVY_CLAIMS each, unless told otherwise.
const heavyCount =
  options.heavy === undefined
    ? Math.min(Math.floor(personCount / 10), Math.round((claimCount * 0.1) / HEAVY_CLAIMS))
    : whole('heavy', 0);
if (heavyCount * HEAVY_CLAIMS > claimCount || heavyCount >= personCount) {
  console.error(`--heavy ${heavyCount}: more heavy claims than --claims, or no one else to send the rest`);
  process.exit(2);
}
const profiling = options.profile || options['profile-dir'] !== undefined;

const say = (line: string) => {
  if (!options.json) console.log(line);
};
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
const round = (value: number, digits: number) => Number(value.toFixed(digits));

const bench = await openBenchDatabase(process.env.DATABASE_URL);
try {
  process.exitCode = await runBenchmark();
} finally {
  await bench.close();
}

async function runBenchmark(): Promise<number> {
  const db = bench.db;
  const clock = fixedClock(`${TODAY}T02:00:00.000Z`);
  await seedRegionsIfEmpty(db);
  const policy = createPolicyService(db, clock);
  await policy.seedIfEmpty();
  const loadBefore = loadavg()[0]!;
  say(
    `Shebao medical claims benchmark: ${fmt(claimCount)} claims in ${REGION} (Nanchang), settled on ${TODAY}`,
  );
  say(
    `machine     ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}, load average ${loadBefore.toFixed(2)} at the start`,
  );
  say(`database    ${bench.dialect}, ${bench.where}`);

  const generated = performance.now();
  const region = await insertClaimsRegion(db, {
    persons: personCount,
    institutions: institutionCount,
    claims: claimCount,
    heavy: heavyCount,
    seed,
  });
  const count = (type: MedicalPersonType) => region.persons.filter((person) => person.type === type).length;
  say(
    `data        ${fmt(personCount)} persons (${fmt(count('in-service'))} in service, ${fmt(count('retired'))} retired, ` +
      `${fmt(count('resident'))} residents; ${fmt(heavyCount)} heavy with ${HEAVY_CLAIMS} claims each), ` +
      `${fmt(institutionCount)} institutions; written in ${((performance.now() - generated) / 1000).toFixed(1)} s (not timed)`,
  );

  // Every transaction the service opens is one batch of claims: counted through a proxy of the database.
  let batches = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      if (property === 'transaction')
        return () => {
          batches += 1;
          return target.transaction();
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const service = createMedicalService(counted, clock, policy);
  await policy.loadBook();

  // The settling, timed: each worker sends its next claim as soon as the answer to its last one came.
  // Each answer is counted as it comes and then dropped, as a server drops it once sent, and so is each
  // request once sent: keeping 200,000 answers with their explanations would leave the garbage collector
  // a heap to walk that a server does not have.
  const submissions: (ClaimSubmission | undefined)[] = region.submissions;
  const latencies = new Float64Array(submissions.length);
  const refusals = new Map<string, number>();
  let settled = 0;
  let replayed = 0;
  let pooledFen = 0;
  let accountFen = 0;
  const tally = (outcome: ClaimOutcome) => {
    if ('error' in outcome) {
      const { code, detailCode, field } = outcome.error;
      const reason = `${code}${detailCode ? ` ${detailCode}` : ''}${field ? ` (${field})` : ''}`;
      refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
    } else if (outcome.replayed) replayed += 1;
    else {
      settled += 1;
      pooledFen += outcome.claim.pooledFen;
      accountFen += outcome.claim.accountFen;
    }
  };
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < submissions.length; index = next++) {
      const submission = submissions[index]!;
      submissions[index] = undefined;
      const sent = performance.now();
      tally(await service.settleClaim(submission));
      latencies[index] = performance.now() - sent;
    }
  };
  const settle = async () => {
    await Promise.all(Array.from({ length: workerCount }, worker));
    await service.drain();
  };
  const adapter = db.getExecutor().adapter;
  // The statement timer costs time of its own: only --profile asks for it, not --profile-dir alone.
  const statements =
    options.profile && adapter instanceof ShebaoSqliteAdapter
      ? instrumentSqlite(adapter.database)
      : undefined;
  const profiler = profiling ? await createStepProfiler(options['profile-dir']) : undefined;
  let hot: HotFunction[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (profiler) hot = (await profiler.profile('settle', settle)).hot;
  else await settle();
  const seconds = (performance.now() - started) / 1000;
  const settleCpu = process.cpuUsage(cpu);
  const cpuSeconds = (settleCpu.user + settleCpu.system) / 1e6;
  const statementTimes = statements?.report() ?? [];
  profiler?.close();

  const refused = submissions.length - settled - replayed;
  const claimsPerSec = settled / seconds;
  const sorted = Float64Array.from(latencies).sort();
  const latencyAt = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;

  // The checks: every year's totals equal its standing claims, no cap passed, no account overdrawn.
  const checked = performance.now();
  const drift = await service.yearTotalsDrift();
  const caps = await checkCaps(db, policy);
  const overdrawn = await countOverdrawnAccounts(db);
  const storedClaims = Number(
    (
      await db
        .selectFrom('medical_claims')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const checkSeconds = (performance.now() - checked) / 1000;
  const capsExact = drift.length === 0 && caps.exceeded.length === 0;

  const verifyStarted = performance.now();
  const report = await verifyLedger(db);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;

  const raw = await measureRawInserts(db, claimCount, bench.postgres);
  const ratio = claimsPerSec / raw.single.perSec;
  const loadAfter = loadavg()[0]!;

  say('');
  say(
    `settled     ${fmt(settled)} claims in ${seconds.toFixed(2)} s: ${fmt(claimsPerSec)} claims/s ` +
      `(target >= ${fmt(TARGET_CLAIMS_PER_SEC)} on SQLite), ${workerCount} workers, ` +
      `CPU ${cpuSeconds.toFixed(2)} s (${fmt((cpuSeconds * 1e6) / Math.max(1, settled))} µs a claim)`,
  );
  say(
    `batches     ${fmt(batches)} transactions, ${(submissions.length / Math.max(1, batches)).toFixed(1)} claims each; ` +
      `answer after p50 ${latencyAt(0.5).toFixed(1)} ms, p99 ${latencyAt(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
  say(
    `paid        ${fmt(pooledFen / 100)} yuan from the pool, ${fmt(accountFen / 100)} yuan from personal accounts; ` +
      `${fmt(storedClaims)} claims stored`,
  );
  say(`refused     ${fmt(refused)}; replayed ${fmt(replayed)}`);
  for (const [reason, times] of [...refusals].sort((a, b) => b[1] - a[1]))
    say(`              ${fmt(times)} × ${reason}`);
  say(
    `checks      ${fmt(drift.length)} person-years differ from their claims, ${fmt(caps.exceeded.length)} over a cap, ` +
      `${fmt(overdrawn)} accounts overdrawn (${checkSeconds.toFixed(2)} s): capsExact ${capsExact}`,
  );
  say(
    `            of ${fmt(caps.personYears)} person-years ${fmt(caps.deductibleUsedUp)} used up the outpatient deductible, ` +
      `${fmt(caps.atOutpatientCap)} reached the outpatient cap and ${fmt(caps.atAnnualCap)} the annual cap; ` +
      `${fmt(caps.claimsOverCap)} claims were paid only up to a cap`,
  );
  for (const line of caps.exceeded.slice(0, 5)) say(`            OVER A CAP: ${line}`);
  for (const row of drift.slice(0, 5)) say(`            DIFFERS: person ${row.personId}, ${row.year}`);
  say(`verify      ${verifySeconds.toFixed(2)} s, ${report.ok ? 'ok' : 'FAILED'}`);
  if (!report.ok)
    for (const check of report.checks.filter((item) => !item.ok))
      say(`            FAILED ${check.name}: ${check.discrepancies.join('; ')}`);
  say(
    `raw insert  ${fmt(raw.single.perSec)} rows/s (median of ${raw.single.runs.map(fmt).join(', ')}); ${raw.single.method}`,
  );
  say(`ratio       claimsPerSec / rawInsertPerSec = ${ratio.toFixed(4)}`);
  say(`load avg    ${loadAfter.toFixed(2)} (1 min) at the end: other work on the machine slows every figure`);
  if (profiling) printProfile(seconds, statementTimes, hot);

  const summary = {
    claims: claimCount,
    dialect: bench.dialect,
    claimsPerSec: Math.round(claimsPerSec),
    workers: workerCount,
    capsExact,
    verifyOk: report.ok,
    settled,
    refused,
    replayed,
    refusals: Object.fromEntries(refusals),
    settleSeconds: round(seconds, 3),
    settleCpuSeconds: round(cpuSeconds, 3),
    batches,
    meanBatch: round(submissions.length / Math.max(1, batches), 2),
    p50Ms: round(latencyAt(0.5), 2),
    p99Ms: round(latencyAt(0.99), 2),
    maxMs: round(sorted.at(-1)!, 2),
    persons: personCount,
    heavyPersons: heavyCount,
    institutions: institutionCount,
    driftedPersonYears: drift.length,
    overCap: caps.exceeded.length,
    atOutpatientCap: caps.atOutpatientCap,
    atAnnualCap: caps.atAnnualCap,
    claimsOverCap: caps.claimsOverCap,
    overdrawnAccounts: overdrawn,
    verifySeconds: round(verifySeconds, 3),
    rawInsertPerSec: Math.round(raw.single.perSec),
    ratio: round(ratio, 5),
    rawInsertMethod: raw.single.method,
    loadAverageAtStart: round(loadBefore, 2),
    loadAverageAtEnd: round(loadAfter, 2),
    cores: availableParallelism(),
    node: process.version,
  };
  if (options.json) console.log(JSON.stringify(summary));
  const ok = capsExact && report.ok && refused === 0 && overdrawn === 0 && storedClaims === settled;
  return ok ? 0 : 1;
}

/**
 * Every person-year's pooled totals against the caps of the person's type in the region's rule: the
 * outpatient line's cap and the annual cap of the pooling fund. Counts too how many reached them, so that
 * the run shows the caps were really crossed.
 */
async function checkCaps(db: Kysely<Database>, policy: PolicyService) {
  const book = await policy.loadBook();
  const at = { regionCode: REGION, period: `${YEAR}-12` };
  const rules = {
    employee: medicalBenefitRuleOf(book, 'employee', at).rule,
    resident: medicalBenefitRuleOf(book, 'resident', at).rule,
  };
  const termsOf = (type: MedicalPersonType) =>
    rules[type === 'resident' ? 'resident' : 'employee'].personTypes[type]!;
  const { rows } = await sql<{
    person_id: number | string;
    year: number;
    person_type: MedicalPersonType;
    types: number | string;
    deductible_outpatient_fen: number | string;
    pooled_outpatient_fen: number | string;
    pooled_total_fen: number | string;
  }>`
    select t.person_id, t.year, c.person_type, c.types, t.deductible_outpatient_fen, t.pooled_outpatient_fen,
      t.pooled_outpatient_fen + t.pooled_inpatient_fen + t.pooled_chronic_fen as pooled_total_fen
    from medical_year_totals t
    join (
      select person_id, cast(substr(visit_date, 1, 4) as integer) as year, min(person_type) as person_type,
        count(distinct person_type) as types
      from medical_claims group by person_id, cast(substr(visit_date, 1, 4) as integer)
    ) c on c.person_id = t.person_id and c.year = t.year`.execute(db);
  const exceeded: string[] = [];
  let atOutpatientCap = 0;
  let atAnnualCap = 0;
  let deductibleUsedUp = 0;
  for (const row of rows) {
    const terms = termsOf(row.person_type);
    const outpatient = Number(row.pooled_outpatient_fen);
    const total = Number(row.pooled_total_fen);
    const { capFen, deductibleFen } = terms.lines.outpatient;
    if (Number(row.types) !== 1)
      exceeded.push(`person ${row.person_id}, ${row.year}: claims as ${row.types} person types`);
    if (capFen !== null && outpatient > capFen)
      exceeded.push(`person ${row.person_id}, ${row.year}: outpatient ${outpatient} fen > cap ${capFen}`);
    if (total > terms.annualCapFen)
      exceeded.push(
        `person ${row.person_id}, ${row.year}: pooled ${total} fen > annual cap ${terms.annualCapFen}`,
      );
    if (capFen !== null && outpatient === capFen) atOutpatientCap += 1;
    if (total === terms.annualCapFen) atAnnualCap += 1;
    if (deductibleFen['1'] > 0 && Number(row.deductible_outpatient_fen) >= deductibleFen['1'])
      deductibleUsedUp += 1;
  }
  const claimsOverCap = Number(
    (
      await db
        .selectFrom('medical_claims')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('over_cap_fen', '>', 0)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    personYears: rows.length,
    exceeded,
    atOutpatientCap,
    atAnnualCap,
    deductibleUsedUp,
    claimsOverCap,
  };
}

/** Persons whose medical personal account is below zero (none, when every claim kept to the balance). */
async function countOverdrawnAccounts(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from (
      select person_id from personal_account_entries group by person_id having sum(medical_fen) < 0
    ) o`.execute(db);
  return Number(rows[0]!.n);
}

function printProfile(
  seconds: number,
  statements: { query: string; calls: number; seconds: number }[],
  hot: HotFunction[],
): void {
  say('');
  say(`profile of the settling, ${seconds.toFixed(2)} s`);
  if (statements.length) {
    const inSqlite = statements.reduce((sum, timing) => sum + timing.seconds, 0);
    say(`  SQLite statements (time inside SQLite), ${inSqlite.toFixed(2)} s in all:`);
    for (const timing of statements.slice(0, 16))
      say(
        `  ${timing.seconds.toFixed(2).padStart(7)} s ${fmt(timing.calls).padStart(9)} calls  ${timing.query}`,
      );
  }
  say('  CPU self time, top functions (native SQLite work shows as run/all):');
  for (const fn of hot.slice(0, 24))
    say(`  ${fn.seconds.toFixed(2).padStart(7)} s  ${(fn.share * 100).toFixed(1).padStart(5)} %  ${fn.name}`);
}
