import type { NoticeRunRow } from './notice-runs.repository.ts';
import type { NoticeRunView } from './notifications.schemas.ts';
import { RUN_STALE_AFTER_MS } from './run-notice-batch.ts';

/** A run as the API shows it: one whose heartbeat stopped is interrupted, to be resumed by starting it again. */
export function noticeRunView(row: NoticeRunRow, now: Date): NoticeRunView {
  const stale = now.getTime() - Date.parse(row.heartbeat_at) >= RUN_STALE_AFTER_MS;
  return {
    id: Number(row.id),
    kind: row.kind as NoticeRunView['kind'],
    regionCode: row.region_code,
    period: row.period,
    status: row.status === 'running' && stale ? 'interrupted' : row.status,
    total: Number(row.total),
    done: Number(row.done),
    enqueued: Number(row.enqueued),
    error: row.error,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
