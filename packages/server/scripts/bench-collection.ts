/**
 * The collection benchmark (issue 3, section 6; docs/BENCHMARKS.md): one monthly cycle of a synthetic
 * Beijing on a fresh database — assessment, payment of every bill with personal-account credits, ledger
 * verify — against the raw insert speed of the same database on the same machine.
 *
 *   npm run bench:collection -- --persons 1000000 [--employers N] [--json] [--profile]
 *
 * SQLite (a new file in a temp folder, WAL, the app's pragmas) unless DATABASE_URL names PostgreSQL, in
 * which case a new schema there. With --json the last line of stdout is one JSON object.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { findContributionCycle } from '@shebao/domain';
import { sql } from 'kysely';
import { fixedClock } from '../src/app/clock.ts';
import { runCollection } from '../src/workflows/index.ts';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { recordPayments, type PaymentInput } from '../src/modules/payments/index.ts';
import { DEFAULT_RETRY, expandFanouts } from '../src/modules/notifications/index.ts';
import { createPolicyService } from '../src/modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../src/modules/regions/index.ts';
import { openBenchDatabase } from './bench-open-database.ts';
import { createStepProfiler, type HotFunction } from './bench-cpu-profile.ts';
import { createQueryTimer, type QueryTiming } from './bench-query-timer.ts';
import { instrumentSqlite } from './bench-statement-timer.ts';
import { ShebaoSqliteAdapter } from '../src/db/sqlite-dialect.ts';
import { measureRawInserts, measureSqliteLinesAlone } from './bench-raw-insert.ts';
import { insertSyntheticRegion } from './bench-synthetic-region.ts';

const REGION = '110000';
const PERIOD = '2025-07';
/** Paid before the due date (the 15th of the next month), so no late fees arise; the clock is the day after. */
const PAID_ON = '2025-08-10';
const TARGET_RATIO = 1 / 3;
const TARGET_CYCLE_SECONDS_PER_MILLION = 20;

const { values: options } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    employers: { type: 'string' },
    'flexible-percent': { type: 'string', default: '3' },
    'payments-per-call': { type: 'string', default: '2000' },
    'chunk-employers': { type: 'string' },
    layout: { type: 'string', default: 'scattered' },
    seed: { type: 'string', default: '20250701' },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
  },
  strict: true,
});

const persons = positiveInteger('persons', options.persons);
const employers =
  options.employers === undefined ? undefined : positiveInteger('employers', options.employers);
const paymentsPerCall = positiveInteger('payments-per-call', options['payments-per-call']);
const chunkEmployers =
  options['chunk-employers'] === undefined
    ? undefined
    : positiveInteger('chunk-employers', options['chunk-employers']);
const layout = options.layout === 'grouped' ? 'grouped' : 'scattered';
if (options.layout !== layout) fail('--layout must be scattered or grouped');
const flexiblePercent = Number(options['flexible-percent']);
if (!(flexiblePercent >= 0 && flexiblePercent <= 100)) fail('--flexible-percent must be between 0 and 100');

const bench = await openBenchDatabase(process.env.DATABASE_URL);
try {
  process.exitCode = await runBenchmark();
} finally {
  if (options.keep) {
    console.error(`kept ${bench.where} for inspection; remove it yourself`);
    await bench.db.destroy();
  } else {
    await bench.close();
  }
}

async function runBenchmark(): Promise<number> {
  const timer = createQueryTimer();
  const adapter = bench.db.getExecutor().adapter;
  const statements =
    options.profile && adapter instanceof ShebaoSqliteAdapter
      ? instrumentSqlite(adapter.database)
      : undefined;
  const db = bench.db.withPlugin(timer.plugin);
  const clock = fixedClock('2025-08-11T02:00:00.000Z');
  const policy = createPolicyService(db, clock);
  const deps = { db, clock, policy };

  say(`Shebao collection benchmark: period ${PERIOD}, region ${REGION} (Beijing)`);
  say(
    `machine     ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}`,
  );
  say(`database    ${bench.dialect}, ${bench.where}`);
  const loadBefore = loadavg()[0]!;
  say(
    `load avg    ${loadBefore.toFixed(2)} (1 min) at the start: other work on the machine slows every figure`,
  );

  // Setup, not timed as part of the cycle: regions, policy, the synthetic region.
  await seedRegionsIfEmpty(db);
  await policy.seedIfEmpty();
  const book = await policy.loadBook();
  const cycleStart = findContributionCycle(book, REGION, PERIOD).start;
  const averageWageFen = book.require<number>('base.averageWage', {
    regionCode: REGION,
    period: PERIOD,
  }).value;
  const loadStarted = performance.now();
  const region = await insertSyntheticRegion(db, {
    regionCode: REGION,
    period: PERIOD,
    cycleStart,
    persons,
    flexiblePpm: Math.round(flexiblePercent * 10_000),
    employers,
    layout,
    averageWageFen,
    recordedAt: '2025-07-05T01:00:00.000Z',
    seed: positiveInteger('seed', options.seed),
  });
  if (bench.dialect === 'postgres') {
    // A region's registration tables are old and long since analyzed; freshly loaded ones have no
    // statistics yet, and the planner would scan them whole for every chunk.
    await sql`analyze`.execute(db);
  }
  const loadSeconds = seconds(loadStarted);
  say(
    `data        ${fmt(persons)} persons: ${fmt(region.employees)} employees of ${fmt(region.employers)} employers ` +
      `(median ${fmt(region.medianEmployer)}, largest ${fmt(region.largestEmployer)} staff, ${layout}), ${fmt(region.flexible)} flexible workers`,
  );
  say(`load        ${loadSeconds.toFixed(1)} s with bulk inserts (setup, not part of the cycle)`);

  const profiler =
    options.profile || options['profile-dir'] ? await createStepProfiler(options['profile-dir']) : undefined;
  const hot = new Map<string, HotFunction[]>();
  /** Times one step; with --profile also its queries and a CPU profile of just that step. */
  const step = async <T>(name: string, work: () => Promise<T>) => {
    timer.reset();
    statements?.reset();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let result: T;
    if (profiler) {
      const profiled = await profiler.profile(name, work);
      hot.set(name, profiled.hot);
      result = profiled.result;
    } else {
      result = await work();
    }
    const elapsed = seconds(started);
    const cpu = process.cpuUsage(cpuStarted);
    return {
      result,
      seconds: elapsed,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      queries: timer.report(),
      statements: statements?.report() ?? [],
    };
  };

  // (a) Assessment.
  const assess = await step('assess', () =>
    runCollection(deps, { regionCode: REGION, period: PERIOD, chunkEmployers }),
  );
  const run = assess.result;
  const assessSeconds = assess.seconds;
  const personMonths = run.personMonths;

  // (b) Payment of every bill on time, in full; (c) the personal-account credits happen inside it.
  const bills = await bench.db
    .selectFrom('bills')
    .select(['payer_key', 'total_fen'])
    .where('period', '=', PERIOD)
    .where('kind', '=', 'regular')
    .orderBy('id')
    .execute();
  const payments: PaymentInput[] = bills.map((bill) => ({
    payerKey: bill.payer_key,
    amountFen: bill.total_fen,
    paidOn: PAID_ON,
    bankReference: `BK${PERIOD.replace('-', '')}${bill.payer_key}`,
    channel: 'bank',
  }));
  const pay = await step('pay', async () => {
    for (let start = 0; start < payments.length; start += paymentsPerCall) {
      await recordPayments(deps, payments.slice(start, start + paymentsPerCall));
    }
  });
  const paySeconds = pay.seconds;

  const creditSeconds = pay.queries
    .filter(
      (row) =>
        row.query === 'insert into personal_account_entries (select)' ||
        row.query === 'select from contribution_lines',
    )
    .reduce((sum, row) => sum + row.seconds, 0);

  // (e) The worker tells every person of the bills paid that the month is credited: the payments wrote one
  // event each, the worker's round writes the notices (docs/RULES.md 17.6). Not part of the cycle: it runs
  // beside the payments, in the server's worker.
  const tell = await step('tell', async () => {
    const notifications = {
      db,
      clock: deps.clock,
      channels: {},
      retry: DEFAULT_RETRY,
      perSecond: { email: 1, sms: 1 },
      publicBaseUrl: '',
    };
    let written = 0;
    for (
      let round = await expandFanouts(notifications);
      round > 0;
      round = await expandFanouts(notifications)
    )
      written += round;
    return written;
  });

  // (d) Ledger verify.
  const verify = await step('verify', () => verifyLedger(db));
  const report = verify.result;
  const verifySeconds = verify.seconds;
  profiler?.close();
  const cycleSeconds = assessSeconds + paySeconds + verifySeconds;

  // The database's own speed, same database and machine, after the cycle so it does not disturb it.
  const raw = await measureRawInserts(bench.db, personMonths, bench.postgres);
  const linesAlone = bench.dialect === 'sqlite' ? await measureSqliteLinesAlone(bench.db) : undefined;

  const assessPerSec = personMonths / assessSeconds;
  const payPerSec = personMonths / paySeconds;
  const verifyPerSec = personMonths / verifySeconds;
  const ratio = assessPerSec / raw.single.perSec;
  const ratioMultiRow = assessPerSec / raw.multi.perSec;
  const cycleSecondsPerMillion = (cycleSeconds * 1_000_000) / personMonths;

  say('');
  say(
    `cycle       ${fmt(personMonths)} person-months, ${fmt(run.bills)} bills, ${fmt(payments.length)} payments`,
  );
  say('  step                                   seconds   person-months/s   CPU s (this process)');
  say(row('  (a) assess      runCollection', assessSeconds, assessPerSec, assess.cpuSeconds));
  say(
    row(
      `  (b) pay         recordPayments x${Math.ceil(payments.length / paymentsPerCall)}`,
      paySeconds,
      payPerSec,
      pay.cpuSeconds,
    ),
  );
  say(
    `  (c) credit      inside (b): recordPayments credits the personal accounts of each bill paid in full,\n` +
      `                  in the same transaction (its two queries took ${creditSeconds.toFixed(2)} s of (b))`,
  );
  say(
    row('  (e) tell        expandFanouts', tell.seconds, personMonths / tell.seconds, tell.cpuSeconds) +
      `   ${fmt(tell.result)} notices (the worker, beside the cycle)`,
  );
  say(
    row('  (d) verify      verifyLedger', verifySeconds, verifyPerSec, verify.cpuSeconds) +
      `   ${report.ok ? 'ok' : 'FAILED'}`,
  );
  say(
    row(
      '  whole cycle     a + b + d',
      cycleSeconds,
      personMonths / cycleSeconds,
      assess.cpuSeconds + pay.cpuSeconds + verify.cpuSeconds,
    ),
  );
  say('');
  say(`raw insert  one narrow row per person-month into a plain table, same database, same machine`);
  const runs = (rates: number[]) => `median of ${rates.map((rate) => fmt(rate)).join(', ')}`;
  say(`  rawInsertPerSec          ${fmt(raw.single.perSec)} rows/s  (${runs(raw.single.runs)})`);
  say(`                           ${raw.single.method}`);
  if (raw.multi !== raw.single) {
    say(`  rawMultiRowInsertPerSec  ${fmt(raw.multi.perSec)} rows/s  (${runs(raw.multi.runs)})`);
    say(`                           ${raw.multi.method}`);
  }
  say(`  ratio         assessPerSec / rawInsertPerSec          = ${ratio.toFixed(3)}`);
  if (raw.multi !== raw.single)
    say(`  ratioMultiRow assessPerSec / rawMultiRowInsertPerSec  = ${ratioMultiRow.toFixed(3)}`);
  if (linesAlone) {
    say(
      `  linesAlone    ${fmt(linesAlone.perSec)} rows/s = ${(linesAlone.perSec / raw.single.perSec).toFixed(3)} of ` +
        `rawInsertPerSec: the ratio of an assessment that only wrote its lines (${runs(linesAlone.runs)})`,
    );
    say(`                ${linesAlone.method}`);
  }
  say('');
  const ratioMet = ratio >= TARGET_RATIO;
  const cycleMet = cycleSecondsPerMillion < TARGET_CYCLE_SECONDS_PER_MILLION;
  say(
    `target      (issue 3, for SQLite and 1,000,000 person-months) ratio >= 0.333: ${ratioMet ? 'met' : 'MISSED'}; ` +
      `cycle < 20 s: ${cycleMet ? 'met' : 'MISSED'}` +
      (personMonths === 1_000_000 ? '' : ` (scaled: ${cycleSecondsPerMillion.toFixed(1)} s per million)`) +
      (bench.dialect === 'sqlite' ? '' : '; PostgreSQL is reported, not held to the target'),
  );
  say(`load avg    ${loadavg()[0]!.toFixed(2)} (1 min) at the end`);
  if (!report.ok) {
    for (const check of report.checks.filter((item) => !item.ok))
      say(`verify FAILED: ${check.name}: ${check.discrepancies.join('; ')}`);
  }
  if (options.profile) {
    printProfile('assess', assess, hot.get('assess') ?? []);
    printProfile('pay', pay, hot.get('pay') ?? []);
    printProfile('verify', verify, hot.get('verify') ?? []);
  }

  if (options.json) {
    console.log(
      JSON.stringify({
        personMonths,
        dialect: bench.dialect,
        assessPerSec: Math.round(assessPerSec),
        rawInsertPerSec: Math.round(raw.single.perSec),
        ratio: round(ratio, 4),
        cycleSeconds: round(cycleSeconds, 3),
        verifyOk: report.ok,
        rawInsertMethod: raw.single.method,
        rawMultiRowInsertPerSec: Math.round(raw.multi.perSec),
        rawMultiRowInsertMethod: raw.multi.method,
        rawInsertRuns: raw.single.runs.map(Math.round),
        rawMultiRowInsertRuns: raw.multi.runs.map(Math.round),
        ratioMultiRow: round(ratioMultiRow, 4),
        ...(linesAlone
          ? {
              linesAloneInsertPerSec: Math.round(linesAlone.perSec),
              linesAloneRatio: round(linesAlone.perSec / raw.single.perSec, 4),
            }
          : {}),
        assessSeconds: round(assessSeconds, 3),
        payPerSec: Math.round(payPerSec),
        paySeconds: round(paySeconds, 3),
        creditInsidePay: true,
        creditQuerySeconds: round(creditSeconds, 3),
        tellSeconds: round(tell.seconds, 3),
        tellCpuSeconds: round(tell.cpuSeconds, 3),
        noticesWritten: tell.result,
        verifyPerSec: Math.round(verifyPerSec),
        verifySeconds: round(verifySeconds, 3),
        loadSeconds: round(loadSeconds, 3),
        persons,
        employers: region.employers,
        flexibleWorkers: region.flexible,
        bills: run.bills,
        payments: payments.length,
        paymentsPerCall,
        assessCpuSeconds: round(assess.cpuSeconds, 3),
        payCpuSeconds: round(pay.cpuSeconds, 3),
        verifyCpuSeconds: round(verify.cpuSeconds, 3),
        layout,
        loadAverageAtStart: round(loadBefore, 2),
        loadAverageAtEnd: round(loadavg()[0]!, 2),
        cores: availableParallelism(),
        node: process.version,
      }),
    );
  }
  return report.ok ? 0 : 1;
}

function printProfile(
  step: string,
  measured: { seconds: number; queries: QueryTiming[]; statements: QueryTiming[] },
  hotFunctions: HotFunction[],
): void {
  const inQueries = measured.queries.reduce((sum, timing) => sum + timing.seconds, 0);
  say('');
  say(`profile ${step}: ${measured.seconds.toFixed(2)} s`);
  say(`  Kysely queries (build, run and read), ${inQueries.toFixed(2)} s in all:`);
  for (const timing of measured.queries.slice(0, 8)) say(formatTiming(timing));
  if (measured.statements.length) {
    const inSqlite = measured.statements.reduce((sum, timing) => sum + timing.seconds, 0);
    say(
      `  SQLite statements, Kysely's and bulkInsert's (time inside SQLite), ${inSqlite.toFixed(2)} s in all:`,
    );
    for (const timing of measured.statements.slice(0, 12)) say(formatTiming(timing));
  }
  say(`  CPU self time, top functions (native SQLite work shows as run/all):`);
  for (const fn of hotFunctions.slice(0, 12)) {
    say(`  ${fn.seconds.toFixed(2).padStart(7)} s  ${(fn.share * 100).toFixed(1).padStart(5)} %  ${fn.name}`);
  }
}

function formatTiming(timing: QueryTiming): string {
  return `  ${timing.seconds.toFixed(2).padStart(7)} s  ${String(timing.calls).padStart(6)} x  ${timing.query}`;
}

function row(label: string, secondsTaken: number, perSec: number, cpuSeconds: number): string {
  return `${label.padEnd(38)} ${secondsTaken.toFixed(2).padStart(7)}   ${fmt(perSec).padStart(15)}   ${cpuSeconds.toFixed(2).padStart(8)}`;
}

function say(line: string): void {
  console.log(line);
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) fail(`--${name} must be a positive whole number`);
  return value;
}

function fail(message: string): never {
  console.error(`bench:collection: ${message}`);
  process.exit(2);
}
