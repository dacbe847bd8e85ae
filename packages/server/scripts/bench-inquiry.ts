/**
 * The inquiry benchmark (issue 4, section 7; docs/BENCHMARKS.md): the real HTTP server over a synthetic
 * Beijing with ten years of monthly history, autocannon in a separate process asking for one random
 * person's rights record for one random year, against a route on the same server that returns a
 * precomputed body of the same size from memory (the ceiling of HTTP and serialisation on this machine).
 *
 *   npm run bench:inquiry -- [--persons 100000] [--rebuild] [--json] [--duration 10] [--connections 50]
 *                            [--what-if-rows-in-memory]
 *
 * SQLite only (the embedded default). The database is built once and cached under ./data/bench/, keyed by
 * data version, persons and seed; --rebuild builds it again. Beside each route it prints the server's CPU
 * per request. With --json the last line of stdout is one JSON object {"rps", "p50Ms", "p99Ms",
 * "ceilingRps", "ratio", "cpuUsPerRequest", "ceilingCpuUsPerRequest"}, and the what-if's figures when asked.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assembleApp, systemClock } from '../src/app/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { openDatabase } from '../src/db/index.ts';
import { ACCESS_RULES, accessTo } from '../src/http/access-rules.ts';
import { buildServer } from '../src/http/build-server.ts';
import type { RoutePlugin } from '../src/http/api-server.ts';
import {
  assembleRecord,
  readRecordRows,
  rightsRecordForYear,
  serializeRecord,
  type RecordRows,
} from '../src/modules/rights-record/index.ts';
import { personInParams } from '../src/http/scopes.ts';
import { idText } from '../src/http/shared.schemas.ts';
import { z } from 'zod';
import { chinaDateOf } from '@shebao/domain';
import {
  buildInquiryDatabase,
  HISTORY_FIRST_PERIOD,
  HISTORY_REGION,
  HISTORY_VERSION,
  HISTORY_YEARS,
} from './bench-inquiry-history.ts';
import { mulberry32 } from './bench-synthetic-region.ts';

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const HERE = dirname(fileURLToPath(import.meta.url));
const CACHE_DIR = resolve(HERE, '../../../data/bench');
const LOAD_SCRIPT = join(HERE, 'bench-inquiry-load.ts');
/** Distinct (person, year) paths the load generator walks through in turn. */
const PATHS = 20_000;
const CEILING_URL = '/api/bench/ceiling/:personId';
const ROWS_IN_MEMORY_URL = '/api/bench/rows-in-memory/:personId';

const { values: options } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20160101' },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'what-if-rows-in-memory': { type: 'boolean', default: false },
  },
  strict: true,
});
const persons = positiveInteger('persons', options.persons);
const seed = positiveInteger('seed', options.seed);
const durationSeconds = positiveInteger('duration', options.duration);
const warmupSeconds = Number(options.warmup);
const connections = positiveInteger('connections', options.connections);
if (process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('sqlite'))
  say('note        DATABASE_URL is ignored: this benchmark measures the embedded default, SQLite');

say(`Shebao inquiry benchmark: GET /api/persons/:personId/rights-record?year=YYYY`);
say(
  `machine     ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}`,
);
const loadBefore = loadavg()[0]!;
say(
  `load avg    ${loadBefore.toFixed(2)} (1 min) at the start: other work on the machine slows every figure`,
);

// 1. The data, built once and cached.
const file = join(CACHE_DIR, `inquiry-v${HISTORY_VERSION}-p${persons}-s${seed}.db`);
if (options.rebuild || !existsSync(file)) {
  say(`data        building ${file} ...`);
  const built = await buildInquiryDatabase(file, { persons, seed });
  say(
    `data        ${fmt(built.persons)} persons (${fmt(built.employers)} employers, ${fmt(built.flexible)} flexible workers), ` +
      `${built.months} months: ${fmt(built.bills)} bills and payments, ${fmt(built.lines)} contribution lines, ` +
      `${fmt(built.accountEntries)} account entries`,
  );
  say(`build       ${built.seconds.toFixed(1)} s`);
} else {
  say(`data        cached ${file} (--rebuild to build it again)`);
}
say(
  `            ${(statSync(file).size / 2 ** 30).toFixed(2)} GiB; reading it once into the OS page cache ...`,
);
await readWhole(file);

// 2. The app over it, a read-only bearer token of a system account, the paths to ask for.
const database = openDatabase(`sqlite:${file}`);
const app = await assembleApp(
  database,
  loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }),
  systemClock,
);
const token = await benchToken();
const random = mulberry32(seed);
const firstYear = Number(HISTORY_FIRST_PERIOD.slice(0, 4));
const paths = Array.from({ length: PATHS }, () => {
  const personId = 1 + Math.floor(random() * persons);
  const year = firstYear + Math.floor(random() * HISTORY_YEARS);
  return { personId, year };
});

// 3. The ceiling's body: one representative record (the first path's), serialised once.
const sample = await rightsRecordForYear(
  { db: database.db, clock: systemClock },
  paths[0]!.personId,
  paths[0]!.year,
);
const ceilingBody = JSON.stringify(sample);
const ceilingRoutes: RoutePlugin = (server) => {
  server.get(
    CEILING_URL,
    // The same access control as the real route (bearer token looked up, roles checked), no scope lookup.
    // The record's staff roles (the benchmark reads as staff); the person's own role would need the scope.
    {
      config: {
        access: {
          roles: ACCESS_RULES['rights-record'].read.roles.filter((role) => role !== 'insured_person'),
        },
      },
    },
    (_request, reply) => reply.type('application/json; charset=utf-8').send(ceilingBody),
  );
};

// 3b. What-if (--what-if-rows-in-memory): the real route's whole path (parameters, token, roles, the
// person scope, the access log, the record assembled and serialised) with the record's rows read from the
// database before the run, so that what it measures is everything but those reads.
const rowsInMemory = new Map<string, RecordRows>();
const rowsInMemoryRoutes: RoutePlugin = (server) => {
  server.get(
    ROWS_IN_MEMORY_URL,
    {
      schema: {
        params: z.strictObject({ personId: idText }),
        querystring: z.strictObject({ year: z.string().regex(/^\d{4}$/) }),
      },
      config: {
        access: accessTo('rights-record', 'read', personInParams(app)),
        personalData: { what: () => 'rights record (benchmark what-if)', persons: 'scope' },
      },
    },
    (request, reply) => {
      const { personId } = request.params as { personId: number };
      const { year } = request.query as { year: string };
      const rows = rowsInMemory.get(`${personId}/${year}`);
      if (!rows) throw new Error(`no rows read for ${personId}/${year}`);
      return reply
        .type('application/json; charset=utf-8')
        .serializer(serializeRecord as (payload: unknown) => string)
        .send(assembleRecord(rows));
    },
  );
};

const server = await buildServer(app, {
  logger: false,
  extraRoutes: options['what-if-rows-in-memory'] ? [ceilingRoutes, rowsInMemoryRoutes] : [ceilingRoutes],
});
const address = await server.listen({ host: '127.0.0.1', port: 0 });
say(
  `server      ${address}, the real buildServer with an extra route for the ceiling (${CEILING_URL})` +
    (options['what-if-rows-in-memory'] ? ` and one for the what-if (${ROWS_IN_MEMORY_URL})` : ''),
);
say(
  `load        autocannon in a separate process, ${connections} connections, ${durationSeconds} s each after ` +
    `${warmupSeconds} s of warm-up, ${fmt(PATHS)} random (person, year) paths in turn, bearer token (read scope)`,
);

try {
  const inquiry = await measure(
    'inquiry',
    paths.map(({ personId, year }) => `/api/persons/${personId}/rights-record?year=${year}`),
  );
  const ceiling = await measure(
    'ceiling',
    paths.map(({ personId, year }) => `/api/bench/ceiling/${personId}?year=${year}`),
  );
  const ratio = inquiry.rps / ceiling.rps;
  const whatIf = options['what-if-rows-in-memory'] ? await measureRowsInMemory() : undefined;
  const meanBody = inquiry.bytes / Math.max(1, inquiry.requests);
  say('');
  say(
    `body        ${fmt(ceilingBody.length)} bytes in the ceiling; inquiry replies average ${fmt(meanBody)} bytes with headers`,
  );
  say('                      requests/s      p50 ms      p99 ms   server CPU µs/request');
  say(row('  inquiry', inquiry));
  say(row('  ceiling', ceiling));
  say(`  ratio               ${ratio.toFixed(3)}   (inquiry rps / ceiling rps)`);
  say(
    `  server CPU          ${(ceiling.serverCpuUsPerRequest / inquiry.serverCpuUsPerRequest).toFixed(3)}   ` +
      `(ceiling / inquiry µs per request: the ratio when the server's core is the limit; busy ` +
      `${busy(inquiry)} and ${busy(ceiling)} of a core)`,
  );
  if (whatIf) {
    say(row('  rows in memory', whatIf));
    say(
      `  what-if ratio       ${(whatIf.rps / ceiling.rps).toFixed(3)}   (the route with the record's rows read ` +
        `before the run / ceiling)`,
    );
    const readsNow = inquiry.serverCpuUsPerRequest - whatIf.serverCpuUsPerRequest;
    const readsAllowed = ceiling.serverCpuUsPerRequest / TARGET_RATIO - whatIf.serverCpuUsPerRequest;
    say(
      `  record reads        ${fmt(readsNow)} µs of server CPU per request now (the statements, the parsing ` +
        `of their rows and the route's small differences); the target leaves them ${fmt(readsAllowed)} µs`,
    );
  }
  const met = ratio >= TARGET_RATIO && inquiry.p99Ms < TARGET_P99_MS;
  say(
    `target      ratio >= ${TARGET_RATIO} and p99 < ${TARGET_P99_MS} ms: ${met ? 'met' : 'MISSED'}` +
      (persons === 100_000 ? '' : ` (with ${fmt(persons)} persons, not the 100,000 of the target)`),
  );
  say(`load avg    ${loadavg()[0]!.toFixed(2)} (1 min) at the end`);
  if (options.json) {
    console.log(
      JSON.stringify({
        rps: Math.round(inquiry.rps),
        p50Ms: inquiry.p50Ms,
        p99Ms: inquiry.p99Ms,
        ceilingRps: Math.round(ceiling.rps),
        ratio: Math.round(ratio * 1000) / 1000,
        cpuUsPerRequest: Math.round(inquiry.serverCpuUsPerRequest),
        ceilingCpuUsPerRequest: Math.round(ceiling.serverCpuUsPerRequest),
        ...(whatIf
          ? {
              rowsInMemoryRps: Math.round(whatIf.rps),
              rowsInMemoryP99Ms: whatIf.p99Ms,
              rowsInMemoryRatio: Math.round((whatIf.rps / ceiling.rps) * 1000) / 1000,
              rowsInMemoryCpuUsPerRequest: Math.round(whatIf.serverCpuUsPerRequest),
            }
          : {}),
      }),
    );
  }
} finally {
  await server.close();
  await app.close();
}

interface LoadResult {
  rps: number;
  /** CPU time of this process (the server) per request in the measured run, µs: where the ratio comes from. */
  serverCpuUsPerRequest: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** The what-if route over the same paths, after reading every path's rows into memory. */
async function measureRowsInMemory(): Promise<LoadResult> {
  for (const { personId, year } of paths) {
    rowsInMemory.set(
      `${personId}/${year}`,
      await readRecordRows(database.db, personId, `${year}-01`, `${year}-12`, chinaDateOf(new Date())),
    );
  }
  return measure(
    'rows in memory',
    paths.map(({ personId, year }) => `/api/bench/rows-in-memory/${personId}?year=${year}`),
  );
}

/** A warm-up run, then the measured run, each in a fresh autocannon process. */
async function measure(name: string, urls: string[]): Promise<LoadResult> {
  if (warmupSeconds > 0) await runLoad(urls, warmupSeconds);
  const cpuBefore = process.cpuUsage();
  const result = await runLoad(urls, durationSeconds);
  const cpu = process.cpuUsage(cpuBefore);
  result.serverCpuUsPerRequest = (cpu.user + cpu.system) / Math.max(1, result.requests);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `${name}: ${result.non2xx} replies other than 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return result;
}

function runLoad(urls: string[], seconds: number): Promise<LoadResult> {
  const settings = { url: address, token, paths: urls, connections, durationSeconds: seconds };
  return new Promise((resolveLoad, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_SCRIPT], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(JSON.stringify(settings));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon runner exited with ${code}`));
      resolveLoad(JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

/** A system account with read access to the region, and a fresh read-scope token for it. */
async function benchToken(): Promise<string> {
  const existing = await database.db
    .selectFrom('users')
    .select('id')
    .where('login_key', '=', 'system:bench-inquiry')
    .executeTakeFirst();
  const userId =
    existing?.id ??
    (
      await app.auth.addUser(
        {
          kind: 'system',
          userName: 'bench-inquiry',
          displayName: 'Inquiry benchmark',
          roles: ['inspector'],
          regionCodes: [HISTORY_REGION],
        },
        'bench',
      )
    ).id;
  const issued = await app.auth.createApiToken(
    { userId: Number(userId), name: 'bench-inquiry', scope: 'read' },
    'cli',
  );
  return issued.token;
}

function readWhole(path: string): Promise<void> {
  return new Promise((done, fail) => {
    createReadStream(path, { highWaterMark: 8 << 20 })
      .on('data', () => {})
      .on('end', done)
      .on('error', fail);
  });
}

/** How much of one core the server used in a measured run: CPU per request times requests per second. */
function busy(result: LoadResult): string {
  return `${Math.round((result.serverCpuUsPerRequest * result.rps) / 10_000)}%`;
}

function row(label: string, result: LoadResult): string {
  return (
    `${label.padEnd(20)} ${fmt(result.rps).padStart(10)}   ${result.p50Ms.toFixed(1).padStart(9)}   ` +
    `${result.p99Ms.toFixed(1).padStart(9)}   ${fmt(result.serverCpuUsPerRequest).padStart(21)}`
  );
}

function say(line: string): void {
  console.log(line);
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`bench:inquiry: --${name} must be a positive whole number`);
    process.exit(2);
  }
  return value;
}
