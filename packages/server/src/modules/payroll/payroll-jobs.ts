import { parsePeriod, parseRegionCode } from '@shebao/domain';
import type { PayrollDeps } from './payroll-deps.ts';
import type { PayrollRunView } from './payroll.schemas.ts';
import { getPayrollRun, STALE_AFTER_MS } from './read-runs.ts';
import { runPayroll } from './run-payroll.ts';
import { selectRun, updateRun } from './runs.repository.ts';

const HEARTBEAT_MS = 5_000;

export interface PayrollJobRunner {
  /**
   * Starts (or resumes) the region's month in the background and answers at once with the run; a run
   * another request is working right now is handed back as it is (`started: false`).
   */
  start(
    input: { regionCode: string; period: string },
    startedBy: string,
  ): Promise<{ run: PayrollRunView; started: boolean }>;
  /** Waits for every run this process started (before the database closes). */
  drain(): Promise<void>;
}

/**
 * The payroll as a job of the server process, with live progress over the API (docs/RULES.md 14.14): the
 * run row is the job; it records its progress after every chunk and a heartbeat while it works, and a
 * run whose heartbeat stopped shows as interrupted and resumes where it stopped when started again.
 */
export function createPayrollJobRunner(deps: PayrollDeps): PayrollJobRunner {
  const working = new Map<string, Promise<void>>();
  return {
    async start(input, startedBy) {
      const regionCode = parseRegionCode(input.regionCode, 'regionCode');
      const period = parsePeriod(input.period, 'period');
      const key = `${regionCode}|${period}`;
      const existing = await selectRun(deps.db, regionCode, period);
      const live =
        existing?.status === 'running' &&
        deps.clock.now().getTime() - Date.parse(existing.heartbeat_at) <= STALE_AFTER_MS;
      if (existing && (existing.status === 'done' || live || working.has(key)))
        return { run: await getPayrollRun(deps, Number(existing.id)), started: false };

      let announce!: (runId: number) => void;
      let refuse!: (error: unknown) => void;
      const claimed = new Promise<number>((resolve, reject) => {
        announce = resolve;
        refuse = reject;
      });
      let runId: number | undefined;
      const beat = setInterval(() => {
        if (runId !== undefined)
          void updateRun(deps.db, runId, { heartbeat_at: deps.clock.now().toISOString() }).catch(
            () => undefined,
          );
      }, HEARTBEAT_MS);
      beat.unref();
      const job = runPayroll(deps, {
        regionCode,
        period,
        startedBy,
        onClaimed: (id) => {
          runId = id;
          announce(id);
        },
      })
        .then(
          () => undefined,
          async (error: unknown) => {
            refuse(error);
            if (runId !== undefined)
              await updateRun(deps.db, runId, {
                status: 'failed',
                error: error instanceof Error ? error.message.slice(0, 1000) : String(error),
                finished_at: deps.clock.now().toISOString(),
              }).catch(() => undefined);
          },
        )
        .finally(() => {
          clearInterval(beat);
          working.delete(key);
        });
      working.set(key, job);
      const id = await claimed;
      return { run: await getPayrollRun(deps, id), started: true };
    },
    async drain() {
      await Promise.all([...working.values()]);
    },
  };
}
