/**
 * The floor under the collection benchmark's ratio (docs/BENCHMARKS.md, collection, fifth round): what
 * SQLite alone, through better-sqlite3 with the app's pragmas, needs on this machine to write a million
 * rows shaped like contribution_lines with each index the system keeps on them, and to read a million
 * employments by employer, against the raw single-row insert the ratio is measured by. No app code runs.
 *
 *   npm run bench:line-floor -- [--rows 1000000]
 *
 * Persons are scattered over the id range and sorted within chunks of 250,000, as runCollection writes
 * its lines; lines go in through 500-row prepared statements, one transaction per chunk.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { measureSqliteSingleRow } from './bench-raw-insert.ts';

const { values: options } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' } },
  strict: true,
});
const ROWS = Number(options.rows);
if (!Number.isSafeInteger(ROWS) || ROWS < 1000) {
  console.error('bench:line-floor: --rows must be a whole number of at least 1000');
  process.exit(2);
}
const CHUNK = 250_000;
const ROWS_PER_STATEMENT = 500;
const AMOUNTS = Array.from({ length: 14 }, (_, index) => `a${index + 1}`);
const LINE_COLUMNS = ['bill_id', 'person_id', 'region_code', 'period', ...AMOUNTS];

const folder = mkdtempSync(join(tmpdir(), 'shebao-line-floor-'));
try {
  const persons = scatteredPersons(ROWS);
  const variants: [string, string[]][] = [
    ['no index', []],
    ['bill index', ['create index lines_bill on lines (bill_id)']],
    [
      'bill index + person index (person_id, period)',
      [
        'create index lines_bill on lines (bill_id)',
        'create index lines_person on lines (person_id, period)',
      ],
    ],
    [
      'bill index + person index holding the whole line',
      [
        'create index lines_bill on lines (bill_id)',
        `create index lines_person on lines (person_id, period, bill_id, ${AMOUNTS.join(', ')})`,
      ],
    ],
  ];
  console.log(
    `${ROWS.toLocaleString('en-US')} rows shaped like contribution_lines, SQLite through better-sqlite3`,
  );
  console.log(
    'what                                                     seconds   rows/s       of raw single-row',
  );
  for (const [name, indexes] of variants) {
    const db = open(`${name.replace(/\W+/g, '-')}.db`);
    // The collection benchmark's own raw baseline, in the same file.
    const raw = measureSqliteSingleRow(db, ROWS).seconds;
    const lines = writeLines(db, persons, indexes);
    console.log(
      `${`lines, ${name}`.padEnd(56)} ${lines.toFixed(2).padStart(7)}   ${rate(lines)}   ${(raw / lines).toFixed(3)}` +
        `   (raw single-row ${raw.toFixed(2)} s in the same file)`,
    );
    db.close();
  }
  const db = open('employments.db');
  const read = readEmploymentsByEmployer(db, persons);
  console.log(
    `${'read employments by employer (covering index)'.padEnd(56)} ${read.toFixed(2).padStart(7)}   ${rate(read)}`,
  );
  db.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function open(name: string): Database.Database {
  const db = new Database(join(folder, name));
  // The app's pragmas (db/sqlite-dialect.ts) that matter for writing.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -131072');
  db.pragma('wal_autocheckpoint = 10000');
  return db;
}

/** Person ids spread over the whole range, sorted within each chunk (runCollection's write order). */
function scatteredPersons(count: number): Int32Array {
  const ids = new Int32Array(count);
  for (let index = 0; index < count; index += 1) ids[index] = ((index * 7919) % count) + 1;
  for (let start = 0; start < count; start += CHUNK) ids.subarray(start, start + CHUNK).sort();
  return ids;
}

function writeLines(db: Database.Database, persons: Int32Array, indexes: string[]): number {
  db.exec(`create table lines (id integer primary key, bill_id integer not null, person_id integer,
    region_code text not null, period text not null, ${AMOUNTS.map((a) => `${a} integer not null`).join(', ')})`);
  for (const index of indexes) db.exec(index);
  const one = `(${LINE_COLUMNS.map(() => '?').join(',')})`;
  const insert = db.prepare(
    `insert into lines (${LINE_COLUMNS.join(', ')}) values ${Array(ROWS_PER_STATEMENT).fill(one).join(',')}`,
  );
  const values: (number | string)[] = [];
  const started = performance.now();
  for (let start = 0; start < ROWS; start += CHUNK) {
    db.transaction(() => {
      for (let row = start; row < Math.min(ROWS, start + CHUNK); row += 1) {
        // A bill per 16 lines; amounts as a 9,000-yuan base assesses them.
        values.push(row >> 4, persons[row]!, '110000', '2025-07', 900_000, 900_000, 900_000, 900_000);
        values.push(144_000, 72_000, 90_000, 18_000, 7_200, 4_500, 4_500, 3_600, 72_000, 18_000);
        if (values.length === ROWS_PER_STATEMENT * LINE_COLUMNS.length) {
          insert.run(values);
          values.length = 0;
        }
      }
    })();
  }
  if (values.length > 0) {
    const rest = values.length / LINE_COLUMNS.length;
    db.prepare(
      `insert into lines (${LINE_COLUMNS.join(', ')}) values ${Array(rest).fill(one).join(',')}`,
    ).run(values);
  }
  return (performance.now() - started) / 1000;
}

/**
 * 25 staff per employer on average, one statement per employer through the covering index. A lower bound:
 * selectEmployeeMonths reads chunks of employers at once and also finds each person's base in force.
 */
function readEmploymentsByEmployer(db: Database.Database, persons: Int32Array): number {
  const employers = Math.ceil(ROWS / 25);
  db.exec(`create table employments (id integer primary key, employer_id integer, person_id integer,
    hired_on text, left_on text)`);
  db.exec(
    'create index employments_employer_staff on employments (employer_id, person_id, hired_on, left_on)',
  );
  const insert = db.prepare(
    "insert into employments (employer_id, person_id, hired_on) values (?, ?, '2020-01-01')",
  );
  db.transaction(() => {
    for (let row = 0; row < ROWS; row += 1) insert.run(row % employers, persons[row]!);
  })();
  const staff = db
    .prepare('select person_id, hired_on, left_on from employments where employer_id = ?')
    .raw();
  const started = performance.now();
  let found = 0;
  for (let employer = 0; employer < employers; employer += 1) found += staff.all(employer).length;
  if (found !== ROWS) throw new Error(`read ${found} employments, wrote ${ROWS}`);
  return (performance.now() - started) / 1000;
}

function rate(seconds: number): string {
  return Math.round(ROWS / seconds)
    .toLocaleString('en-US')
    .padStart(10);
}
