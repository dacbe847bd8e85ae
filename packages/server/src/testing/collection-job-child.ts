/**
 * A process that starts one collection job and works it until it is killed: the crash test
 * (collection-jobs-crash.test.ts) kills it with SIGKILL in the middle of the month. Run with
 * `node --import tsx collection-job-child.ts`; the settings come from the environment:
 * DATABASE_URL, SHEBAO_TEST_SEARCH_PATH (PostgreSQL schema), SHEBAO_TODAY_INSTANT, JOB_REGION, JOB_PERIOD,
 * JOB_STARTED_BY. Prints the job's id as one line once the job is claimed.
 */
import { fixedClock } from '../app/clock.ts';
import { openDatabase } from '../db/open-database.ts';
import { createCollectionJobRunner } from '../modules/collection/collection-jobs.ts';
import { createPolicyService } from '../modules/policy/index.ts';
import { runCollection } from '../workflows/index.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const searchPath = process.env.SHEBAO_TEST_SEARCH_PATH;
const handle = openDatabase(env('DATABASE_URL'), searchPath ? { searchPath, poolSize: 2 } : {});
const clock = fixedClock(env('SHEBAO_TODAY_INSTANT'));
const runner = createCollectionJobRunner(
  { db: handle.db, clock, policy: createPolicyService(handle.db, clock) },
  runCollection,
  { chunkEmployers: 1 },
);
const { job } = await runner.start(
  { regionCode: env('JOB_REGION'), period: env('JOB_PERIOD') },
  Number(env('JOB_STARTED_BY')),
);
process.stdout.write(`${job.id}\n`);
await runner.drain();
await handle.close();
