/**
 * The payroll benchmark (issue 15, section 6; docs/BENCHMARKS.md): one month's pension payroll of a
 * synthetic region on a fresh database (one line per award, the ledger postings, one bank file per paying
 * bank), then `ledger verify`, against the raw insert speed of the same database on the same machine.
 *
 *   npm run bench:payroll -- --pensioners 1000000 [--json]
 *
 * SQLite (a new file in a temp folder, WAL, the app's pragmas) unless DATABASE_URL names PostgreSQL, in
 * which case a new schema there. With --json the last line of stdout is one JSON object:
 * {"pensioners", "dialect", "payrollPerSec", "rawInsertPerSec", "ratio", "payrollSeconds", "verifyOk"}
 * and more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  addDays,
  addMonths,
  indexToPeriod,
  makeResidentId,
  payingBankOf,
  periodToIndex,
} from '@shebao/domain';
import { fixedClock } from '../src/app/clock.ts';
import { insertRows } from '../src/db/bulk-insert.ts';
import { createDocumentStore } from '../src/modules/benefits/index.ts';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { createPayrollService } from '../src/modules/payroll/index.ts';
import { createPolicyService } from '../src/modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../src/modules/regions/index.ts';
import { openBenchDatabase } from './bench-open-database.ts';
import { measureRawInserts } from './bench-raw-insert.ts';

const REGION = '110000';
const PERIOD = '2025-07';
const TODAY = '2025-07-20T02:00:00.000Z';
const TARGET_RATIO = 0.2;
const TARGET_SECONDS_PER_MILLION = 10;
/** Payee accounts of five banks and the clearing bank, so the run writes six files. */
const ACCOUNT_PREFIXES = ['622202', '622848', '621661', '621700', '622262', '955900'];

const { values: options } = parseArgs({
  options: {
    pensioners: { type: 'string', default: '1000000' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});
const pensioners = Number(options.pensioners);
if (!Number.isSafeInteger(pensioners) || pensioners < 1) {
  console.error('--pensioners must be a whole number of at least 1');
  process.exit(2);
}
const say = (line: string) => {
  if (!options.json) console.log(line);
};
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

const bench = await openBenchDatabase(process.env.DATABASE_URL);
const filesDir = mkdtempSync(join(tmpdir(), 'shebao-bench-files-'));
try {
  process.exitCode = await runBenchmark();
} finally {
  await bench.close();
  rmSync(filesDir, { recursive: true, force: true });
}

async function runBenchmark(): Promise<number> {
  const db = bench.db;
  await seedRegionsIfEmpty(db);
  say(`payroll benchmark: ${fmt(pensioners)} pensioners on ${bench.dialect} (${bench.where})`);

  // Synthetic pensioners: persons and their awards on the roll, written by the bulk writer in chunks.
  const generated = performance.now();
  const recordedAt = '2025-07-01T00:00:00.000Z';
  const periodIndex = periodToIndex(PERIOD);
  const CHUNK = 20_000;
  for (let start = 0; start < pensioners; start += CHUNK) {
    const count = Math.min(CHUNK, pensioners - start);
    const persons = Array.from({ length: count }, (_, offset) => {
      const n = start + offset;
      // A thousand sequence numbers per birth date, then the next day: every number stays unique.
      const birthDate = addDays('1950-01-01', Math.floor(n / 1000));
      return {
        id_number: makeResidentId('110101', birthDate, n % 1000),
        name: `Pensioner ${n}`,
        sex: n % 2 ? ('male' as const) : ('female' as const),
        birth_date: birthDate,
        hukou_region_code: REGION,
        hukou_type: 'urban' as const,
        category: 'employee' as const,
        region_code: REGION,
        registered_on: '2000-01-01',
        recorded_at: recordedAt,
      };
    });
    await insertRows(db, 'persons', persons);
  }
  for (let start = 0; start < pensioners; start += CHUNK) {
    const count = Math.min(CHUNK, pensioners - start);
    const rows = Array.from({ length: count }, (_, offset) => {
      const n = start + offset;
      const personId = n + 1;
      // Started between 2010 and this month; 2% have not verified survival through this month.
      const firstIndex = periodIndex - (n % 186);
      const firstPeriod = indexToPeriod(firstIndex);
      const accountPartFen = 30_000 + (n % 500) * 100;
      const monthlyFen = accountPartFen + 200_000 + (n % 997) * 100;
      const account = `${ACCOUNT_PREFIXES[n % ACCOUNT_PREFIXES.length]}${String(n).padStart(13, '0')}`;
      return {
        award_no: `AW${String(n).padStart(10, '0')}`,
        person_id: personId,
        region_code: REGION,
        kind: 'pension',
        payee_name: `Pensioner ${n}`,
        first_period: firstPeriod,
        first_month_index: firstIndex,
        monthly_fen: monthlyFen,
        monthly_from: firstPeriod,
        monthly_version: 1,
        prior_monthly_fen: monthlyFen,
        account_part_fen: accountPartFen,
        account_balance_fen: accountPartFen * 139,
        payee_kind: 'bank' as const,
        payee_account: account,
        bank_code: payingBankOf(account),
        verified_through: n % 50 === 7 ? addMonths(PERIOD, -1) : addMonths(PERIOD, 6),
        updated_at: recordedAt,
      };
    });
    await insertRows(db, 'benefit_roll', rows);
  }
  say(`  generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

  const files = createDocumentStore(filesDir);
  const payroll = createPayrollService({
    db,
    clock: fixedClock(TODAY),
    files,
    policy: createPolicyService(db, fixedClock(TODAY)),
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const steps: string[] = [];
  const result = await payroll.run({
    regionCode: REGION,
    period: PERIOD,
    startedBy: 'bench',
    onStepDone: (step, seconds) => steps.push(`${step} ${seconds.toFixed(2)} s`),
  });
  const payrollSeconds = (performance.now() - started) / 1000;
  const payrollCpu = process.cpuUsage(cpu);
  const run = await payroll.get(result.runId);

  const verifyStarted = performance.now();
  const report = await verifyLedger(db);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;

  const raw = await measureRawInserts(db, pensioners, bench.postgres);
  const payrollPerSec = pensioners / payrollSeconds;
  const ratio = payrollPerSec / raw.single.perSec;
  const totalSeconds = payrollSeconds + verifySeconds;

  say('');
  say(
    `payroll ${PERIOD}: ${fmt(result.linesPaid)} paid, ${fmt(result.linesWithheld)} withheld, ${fmt(result.paidFen / 100)} yuan`,
  );
  for (const file of run.files)
    say(`  ${file.fileName}: ${fmt(file.lineCount)} payments, ${fmt(file.totalFen / 100)} yuan`);
  say(
    `  run (lines, ledger, bank files)   ${payrollSeconds.toFixed(2)} s   ${fmt(payrollPerSec)} pensioners/s   CPU ${((payrollCpu.user + payrollCpu.system) / 1e6).toFixed(2)} s`,
  );
  say(`    steps: ${steps.join(', ')}`);
  say(`  ledger verify                     ${verifySeconds.toFixed(2)} s   ${report.ok ? 'ok' : 'FAILED'}`);
  say(`  whole payroll with verify         ${totalSeconds.toFixed(2)} s`);
  say(
    `raw insert  ${fmt(raw.single.perSec)} rows/s (median of ${raw.single.runs.map(fmt).join(', ')}); ${raw.single.method}`,
  );
  say(`  ratio payrollPerSec / rawInsertPerSec = ${ratio.toFixed(3)} (target >= ${TARGET_RATIO})`);
  const secondsTarget = (TARGET_SECONDS_PER_MILLION * pensioners) / 1_000_000;
  say(`  whole payroll ${totalSeconds.toFixed(2)} s (target < ${secondsTarget.toFixed(1)} s for this many)`);
  if (!report.ok)
    for (const check of report.checks.filter((item) => !item.ok))
      say(`  FAILED ${check.name}: ${check.discrepancies.join('; ')}`);

  const summary = {
    pensioners,
    dialect: bench.dialect,
    payrollPerSec: Math.round(payrollPerSec),
    rawInsertPerSec: Math.round(raw.single.perSec),
    ratio: Number(ratio.toFixed(4)),
    payrollSeconds: Number(payrollSeconds.toFixed(3)),
    verifyOk: report.ok,
    verifySeconds: Number(verifySeconds.toFixed(3)),
    totalSeconds: Number(totalSeconds.toFixed(3)),
    linesPaid: result.linesPaid,
    linesWithheld: result.linesWithheld,
    bankFiles: run.files.length,
    rawInsertMethod: raw.single.method,
  };
  if (options.json) console.log(JSON.stringify(summary));
  return report.ok ? 0 : 1;
}
