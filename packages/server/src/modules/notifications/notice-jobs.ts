import type { NoticeRunInput } from './notifications.schemas.ts';
import { runNoticeBatch, type NoticeRunDeps } from './run-notice-batch.ts';
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
  // Each run this process works on: the row it announced when it started, and the work itself.
  const working = new Map<string, { started: Promise<NoticeRunRow>; job: Promise<void> }>();
  return {
    async start(deps, input, startedBy) {
      const key = `${input.kind}|${input.regionCode}|${input.period}`;
      const current = working.get(key);
      if (current) return current.started;
      let announce!: (run: NoticeRunRow) => void;
      let refuse!: (error: unknown) => void;
      const started = new Promise<NoticeRunRow>((resolve, reject) => {
        announce = resolve;
        refuse = reject;
      });
      // The first progress call comes once the run is claimed; an input refused before that rejects `started`.
      const job = runNoticeBatch(deps, input, startedBy, announce)
        .then(announce, refuse)
        .catch(() => undefined)
        .finally(() => working.delete(key));
      working.set(key, { started, job });
      return started;
    },
    async drain() {
      await Promise.all([...working.values()].map((it) => it.job));
    },
  };
}
