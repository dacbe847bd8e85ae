import { chinaDateOf } from '@shebao/domain';
import { deliverNotices } from './deliver-notices.ts';
import type { NotificationDeps } from './notifications-deps.ts';
import { scanUnpaidMonths } from './scan-unpaid-months.ts';

export interface NoticeWorker {
  start(): void;
  /** Stops polling and waits for the round under way. */
  stop(): Promise<void>;
}

/**
 * The server's delivery worker (docs/RULES.md 17.4): every `intervalMs` a round of deliveries, and once a
 * (China) day the scan for months that fell due unpaid. A round that fails is logged and the next one
 * tries again; nothing is lost, as the outbox keeps every notice until it is delivered or given up.
 */
export function createNoticeWorker(
  deps: NotificationDeps,
  options: { intervalMs: number; onError: (error: unknown) => void },
): NoticeWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let scannedOn: string | undefined;
  const round = async () => {
    const today = chinaDateOf(deps.clock.now());
    if (scannedOn !== today) {
      await scanUnpaidMonths(deps.db, today, deps.clock.now());
      scannedOn = today;
    }
    await deliverNotices(deps);
  };
  const tick = () => {
    running = round()
      .catch(options.onError)
      .finally(() => {
        if (timer !== undefined) timer = setTimeout(tick, options.intervalMs).unref();
      });
  };
  return {
    start() {
      if (timer !== undefined) return;
      timer = setTimeout(tick, 0).unref();
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
