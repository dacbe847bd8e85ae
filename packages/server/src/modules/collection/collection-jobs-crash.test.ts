import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../../db/open-database.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { openThrowawaySchema } from '../../testing/open-test-database.ts';
import { testTargets, type TestTarget } from '../../testing/test-targets.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { createCollectionJobRunner, getCollectionJob } from './collection-jobs.ts';
import { runCollection } from '../../workflows/index.ts';

/**
 * A job whose process is killed in the middle of the month (issue 13, defect 7; docs/OPERATIONS.md,
 * "Collection jobs"): the job does not hold the month's slot for the heartbeat lease, a new start is
 * accepted at once, and the month ends exactly as one uninterrupted run leaves it.
 */

const INSTANT = '2025-08-01T02:00:00.000Z';
const clock = fixedClock(INSTANT);
const CHILD = fileURLToPath(new URL('../../testing/collection-job-child.ts', import.meta.url));
const SERVER_PACKAGE = fileURLToPath(new URL('../../..', import.meta.url));
const EMPLOYERS = 60;

const region = {
  regionCode: '110000',
  cycleStart: '2025-07',
  employers: Array.from({ length: EMPLOYERS }, (_, index) => ({
    employees: [{ wageFen: 800_000 + index * 1_000 }, { wageFen: index % 3 === 0 ? null : 1_500_000 }],
  })),
  flexible: [{ baseFen: 1_193_700, startPeriod: '2025-01' }],
};

const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

async function prepare(db: Kysely<Database>): Promise<number> {
  await migrateToLatest(db);
  await insertCollectionFixture(db, region);
  const user = await db
    .insertInto('users')
    .values({
      kind: 'staff',
      login_key: 'staff:clerk',
      user_name: 'clerk',
      display_name: 'Clerk',
      person_id: null,
      employer_id: null,
      password_hash: null,
      roles_json: '["collection"]',
      region_codes_json: '["110000"]',
      locked_until: null,
      created_at: INSTANT,
      created_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(user.id);
}

async function snapshot(db: Kysely<Database>) {
  const bills = await db
    .selectFrom('bills')
    .select(['bill_no', 'payer_key', 'total_fen', 'employer_fen', 'employee_fen', 'pension_fen', 'due_date'])
    .orderBy('bill_no')
    .execute();
  const lines = await db
    .selectFrom('contribution_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select(['b.bill_no', 'l.person_id', 'l.pension_base_fen', 'l.pension_employee_fen'])
    .orderBy('b.bill_no')
    .orderBy('l.person_id')
    .execute();
  const report = await verifyLedger(db);
  return { bills, lines, balances: report.balances, failed: report.checks.filter((check) => !check.ok) };
}

/** Opens a database a child process can open too: a SQLite file, or a PostgreSQL schema of its own. */
async function openShared(target: TestTarget, folder: string) {
  if (target.dialect === 'postgres') {
    const handle = await openThrowawaySchema(target.url);
    return { handle, url: target.url, searchPath: handle.schema as string | undefined };
  }
  const url = `sqlite:${join(folder, 'crash.db')}`;
  return { handle: openDatabase(url), url, searchPath: undefined };
}

async function billCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('bills')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const target of testTargets()) {
  describe(`[${target.dialect}] a collection job killed mid-run`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'shebao-job-crash-'));
    const handles: DatabaseHandle[] = [];
    afterAll(async () => {
      for (const handle of handles) await handle.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('does not block a new run, which ends as an uninterrupted run does', async () => {
      const shared = await openShared(target, folder);
      handles.push(shared.handle);
      const db = shared.handle.db;
      const userId = await prepare(db);

      // A process starts the month, one employer per transaction, and is killed once bills are written.
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        cwd: SERVER_PACKAGE,
        env: {
          ...process.env,
          DATABASE_URL: shared.url,
          SHEBAO_TEST_SEARCH_PATH: shared.searchPath ?? '',
          SHEBAO_TODAY_INSTANT: INSTANT,
          JOB_REGION: '110000',
          JOB_PERIOD: '2025-07',
          JOB_STARTED_BY: String(userId),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_, signal) => resolve(signal)),
      );
      const killedJobId = await new Promise<number>((resolve, reject) => {
        child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
        child.once('exit', () => reject(new Error(`the job process ended before starting: ${stderr}`)));
      });
      for (let tries = 0; (await billCount(db)) === 0; tries += 1) {
        if (tries > 2_000) throw new Error(`no bill written: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const written = await billCount(db);
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(EMPLOYERS); // cut off in the middle of the month

      // Its heartbeat is fresh (the clock stands still), yet its process is gone: it shows as interrupted.
      const here = deps(db);
      expect((await getCollectionJob(here, killedJobId)).status).toBe('interrupted');

      // A new start is accepted at once, not answered with the dead job, and finishes the month.
      const runner = createCollectionJobRunner(here, runCollection);
      const { job, started } = await runner.start({ regionCode: '110000', period: '2025-07' }, userId);
      expect(started).toBe(true);
      expect(job.id).not.toBe(killedJobId);
      await runner.drain();
      expect((await getCollectionJob(here, job.id)).status).toBe('done');
      expect((await getCollectionJob(here, killedJobId)).status).toBe('interrupted');
      const resumed = await snapshot(db);

      // The same month run once without interruption on a database of its own.
      const cleanHandle =
        target.dialect === 'postgres'
          ? await openThrowawaySchema(target.url)
          : openDatabase(`sqlite:${join(folder, 'clean.db')}`);
      handles.push(cleanHandle);
      await prepare(cleanHandle.db);
      await runCollection(deps(cleanHandle.db), { regionCode: '110000', period: '2025-07' });
      const clean = await snapshot(cleanHandle.db);

      expect(resumed.failed).toEqual([]);
      expect(resumed.bills).toHaveLength(EMPLOYERS + 1);
      expect(resumed).toEqual(clean);

      // Running the month again changes nothing.
      const again = await runCollection(here, { regionCode: '110000', period: '2025-07' });
      expect(again).toMatchObject({ bills: 0, personMonths: 0 });
      expect(await snapshot(db)).toEqual(resumed);
    }, 60_000);

    it('marks such jobs interrupted when a server starts (sweep)', async () => {
      const db = handles[0]!.db;
      const row = await db
        .insertInto('collection_jobs')
        .values({
          region_code: '110000',
          period: '2025-08',
          status: 'running',
          started_by: 1,
          started_at: INSTANT,
          heartbeat_at: INSTANT,
          // This host, a process id no process has (above the kernel's pid_max).
          owner: JSON.stringify({
            host: (await import('node:os')).hostname(),
            boot: null,
            pid: 4_194_305,
            started: null,
            instance: 'gone',
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // One on another host keeps its slot until the lease runs out.
      const elsewhere = await db
        .insertInto('collection_jobs')
        .values({
          region_code: '110000',
          period: '2025-09',
          status: 'running',
          started_by: 1,
          started_at: INSTANT,
          heartbeat_at: INSTANT,
          owner: JSON.stringify({ host: 'another-host', boot: null, pid: 1, started: null, instance: 'x' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const runner = createCollectionJobRunner(deps(db), runCollection);
      expect(await runner.sweep()).toBe(1);
      const statuses = await db
        .selectFrom('collection_jobs')
        .select(['id', 'status'])
        .where('id', 'in', [row.id, elsewhere.id])
        .orderBy('id')
        .execute();
      expect(statuses.map((job) => job.status)).toEqual(['interrupted', 'running']);
    });
  });
}
