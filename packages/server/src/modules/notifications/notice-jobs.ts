import type { NoticeRunInput } from './notifications.schemas.ts';
import { runNoticeBatch, type NoticeRunDeps } from './run-notice-batch.ts';
import { insertRunIfAbsent } from './notice-runs.repository.ts';
import type { NoticeRunRow } from './notice-runs.repository.ts';

export interface NoticeJobRunner {
  /** Starts (or resumes) a run in the background and answers at once with its row. */
  start(deps: NoticeRunDeps, input: NoticeRunInput, startedBy: string): Promise<NoticeRunRow>;
  /** Waits for every run this process started (before the database closes). */
  drain(): Promise<void>;
}

/**
 * Runs of the server process (docs/RULES.md 17.5): the run row is the job and its progress; the request
 * that starts one gets the row back at once and follows it over the API.
 */
export function createNoticeJobRunner(): NoticeJobRunner {
  const working = new Map<string, Promise<unknown>>();
  return {
    async start(deps, input, startedBy) {
      const key = `${input.kind}|${input.regionCode}|${input.period}`;
      let announce!: (run: NoticeRunRow) => void;
      let refuse!: (error: unknown) => void;
      const first = new Promise<NoticeRunRow>((resolve, reject) => {
        announce = resolve;
        refuse = reject;
      });
      if (working.has(key)) {
        const now = deps.clock.now().toISOString();
        return insertRunIfAbsent(deps.db, {
          kind: input.kind,
          region_code: input.regionCode,
          period: input.period,
          total: 0,
          started_by: startedBy,
          started_at: now,
          heartbeat_at: now,
        });
      }
      const job = runNoticeBatch(deps, input, startedBy, (run) => announce(run))
        .then(announce, refuse)
        .catch(() => undefined)
        .finally(() => working.delete(key));
      working.set(key, job);
      return first;
    },
    async drain() {
      await Promise.all([...working.values()]);
    },
  };
}
