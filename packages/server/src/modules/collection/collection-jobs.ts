import { parsePeriod, parseRegionCode } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { CollectionJobStatus } from '../../db/index.ts';
import {
  insertCollectionJob,
  selectAllRunningJobs,
  selectCollectionJob,
  selectCollectionJobs,
  selectRunningJob,
  updateRunningJob,
  type CollectionJobRow,
} from './collection-jobs.repository.ts';
import { jobsWorkedHere, ownerIsGone, ownerText } from './job-owner.ts';
import type { CollectionDeps } from './collection-deps.ts';
import type { CollectionProgress, MonthRun } from './run-collection.ts';

/**
 * A month's collection run as a background job of the server process (docs/RULES.md 6.1; long work reports
 * progress over the API). The job row records the progress after every chunk and a heartbeat
 * while it works; a job whose heartbeat stopped was cut off (a restart, a crash) and shows as interrupted.
 * The job also names the process working it (job-owner.ts): when that process is known to be gone (it ran
 * on this host and is no longer there) the job is interrupted at once, without waiting out the heartbeat,
 * and the server marks such jobs interrupted when it starts (docs/OPERATIONS.md, "Collection jobs").
 * Starting the month again is safe: the run skips every payer already billed and resumes.
 */

/** How often a working job renews its heartbeat, and how old a heartbeat means the job is gone. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 30_000;
/** Employers per transaction in a job: small enough that progress moves, large enough to stay fast. */
const JOB_CHUNK_EMPLOYERS = 200;

export interface CollectionJob {
  id: number;
  regionCode: string;
  period: string;
  status: CollectionJobStatus;
  payersDone: number;
  /** Null until the run has listed the employers and flexible workers still to assess. */
  payersTotal: number | null;
  personMonths: number;
  bills: number;
  totalFen: number;
  runId: number | null;
  error: string | null;
  startedBy: number;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
}

function toJob(row: CollectionJobRow, now: Date): CollectionJob {
  const stale =
    now.getTime() - Date.parse(row.heartbeat_at) > STALE_AFTER_MS || ownerIsGone(row.owner, Number(row.id));
  return {
    id: Number(row.id),
    regionCode: row.region_code,
    period: row.period,
    status: row.status === 'running' && stale ? 'interrupted' : row.status,
    payersDone: row.payers_done,
    payersTotal: row.payers_total,
    personMonths: row.person_months,
    bills: row.bills,
    totalFen: Number(row.total_fen),
    runId: row.run_id === null ? null : Number(row.run_id),
    error: row.error,
    startedBy: Number(row.started_by),
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    finishedAt: row.finished_at,
  };
}

export async function getCollectionJob(deps: CollectionDeps, id: number): Promise<CollectionJob> {
  const row = await selectCollectionJob(deps.db, id);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `jobId: no collection job ${id}`, { field: 'jobId' });
  return toJob(row, deps.clock.now());
}

export async function listCollectionJobs(
  deps: CollectionDeps,
  filter: { regionCode: string; period?: string; beforeId?: number; limit: number },
): Promise<CollectionJob[]> {
  const now = deps.clock.now();
  return (await selectCollectionJobs(deps.db, filter)).map((row) => toJob(row, now));
}

export interface CollectionJobRunner {
  /** Starts the month in the background, or hands back the job already running it (`started: false`). */
  start(
    input: { regionCode: string; period: string },
    startedBy: number,
  ): Promise<{ job: CollectionJob; started: boolean }>;
  /** Marks interrupted every running job whose process is known to be gone (at server start). */
  sweep(): Promise<number>;
  /** Waits for every job this process started (before the database closes). */
  drain(): Promise<void>;
}

export interface CollectionJobRunnerOptions {
  /** Employers per transaction (default 200). */
  chunkEmployers?: number;
}

export function createCollectionJobRunner(
  deps: CollectionDeps,
  /** The month's run (workflows/month-run.ts), handed in by whoever starts jobs. */
  runMonth: MonthRun,
  options: CollectionJobRunnerOptions = {},
): CollectionJobRunner {
  const working = new Set<Promise<void>>();
  const chunkEmployers = options.chunkEmployers ?? JOB_CHUNK_EMPLOYERS;

  /** Claims the region's month: a job cut off earlier gives up its slot, a live one keeps it. */
  async function claim(regionCode: string, period: string, startedBy: number) {
    return deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const running = await selectRunningJob(trx, regionCode, period);
      if (running && toJob(running, now).status === 'running')
        return { id: Number(running.id), started: false };
      if (running)
        await updateRunningJob(trx, Number(running.id), {
          status: 'interrupted',
          finished_at: now.toISOString(),
        });
      const at = now.toISOString();
      const id = await insertCollectionJob(trx, {
        region_code: regionCode,
        period,
        started_by: startedBy,
        started_at: at,
        heartbeat_at: at,
        owner: ownerText(),
      });
      jobsWorkedHere.add(id);
      return { id, started: true };
    });
  }

  async function work(id: number, regionCode: string, period: string): Promise<void> {
    // Progress is written in order, between the run's own transactions; the last write wins.
    let writes = Promise.resolve();
    const record = (changes: Parameters<typeof updateRunningJob>[2]) => {
      writes = writes
        .then(() => updateRunningJob(deps.db, id, changes))
        .then(
          () => undefined,
          () => undefined, // a lost progress write is repaired by the next one or the final state
        );
      return writes;
    };
    const beat = setInterval(
      () => void record({ heartbeat_at: deps.clock.now().toISOString() }),
      HEARTBEAT_MS,
    );
    beat.unref();
    const onProgress = (progress: CollectionProgress) =>
      void record({
        payers_done: progress.payersDone,
        payers_total: progress.payersTotal,
        person_months: progress.personMonths,
        bills: progress.bills,
        total_fen: progress.totalFen,
        heartbeat_at: deps.clock.now().toISOString(),
      });
    try {
      const result = await runMonth(deps, {
        regionCode,
        period,
        chunkEmployers,
        onProgress,
      });
      clearInterval(beat);
      await writes;
      const at = deps.clock.now().toISOString();
      await updateRunningJob(deps.db, id, {
        status: 'done',
        payers_done: result.payers,
        payers_total: result.payers,
        person_months: result.personMonths,
        bills: result.bills,
        total_fen: result.totalFen,
        run_id: result.runId,
        heartbeat_at: at,
        finished_at: at,
      });
    } catch (error) {
      clearInterval(beat);
      await writes;
      const at = deps.clock.now().toISOString();
      await updateRunningJob(deps.db, id, {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        heartbeat_at: at,
        finished_at: at,
      }).catch(() => undefined); // the database itself is gone: the stale heartbeat tells the story
    }
  }

  return {
    async start(input, startedBy) {
      const regionCode = parseRegionCode(input.regionCode, 'regionCode');
      const period = parsePeriod(input.period, 'period');
      // Refused before a job is started, not when it runs (docs/RULES.md 10.5).
      await deps.policy.checkPeriod(period, 'period', regionCode);
      const claimed = await claim(regionCode, period, startedBy).catch(async (error: unknown) => {
        // Two starts at the same instant: the unique index let one in; the other joins its job.
        const winner = await selectRunningJob(deps.db, regionCode, period);
        if (!winner) throw error;
        return { id: Number(winner.id), started: false };
      });
      if (claimed.started) {
        const job = work(claimed.id, regionCode, period);
        working.add(job);
        void job.finally(() => {
          working.delete(job);
          jobsWorkedHere.delete(claimed.id);
        });
      }
      return { job: await getCollectionJob(deps, claimed.id), started: claimed.started };
    },
    async sweep() {
      const now = deps.clock.now();
      let swept = 0;
      for (const row of await selectAllRunningJobs(deps.db)) {
        if (!ownerIsGone(row.owner, Number(row.id))) continue;
        const changed = await updateRunningJob(deps.db, Number(row.id), {
          status: 'interrupted',
          finished_at: now.toISOString(),
        });
        if (changed) swept += 1;
      }
      return swept;
    },
    async drain() {
      await Promise.all([...working]);
    },
  };
}
