import type { PayrollDeps } from './payroll-deps.ts';
import { insertAdjustments, markAdjustmentsSettled } from './adjustments.repository.ts';
import { selectLinesWithAdjustments, updateLineAmounts } from './lines.repository.ts';

/**
 * Nets the arrears and recoveries waiting for a chunk's awards into their lines of this month
 * (docs/RULES.md 14.5, 14.14), inside the chunk's transaction: each line pays the month plus every waiting item, and the
 * items are marked settled by that line. A recovery larger than what the line pays leaves the line at
 * nothing and carries the rest, as a new item, to the next month. Few awards have items; the rest of the
 * chunk never leaves the database.
 */
export async function settleAdjustments(
  deps: PayrollDeps,
  chunk: { runId: number; period: string; afterId: number; throughId: number },
): Promise<void> {
  const rows = await selectLinesWithAdjustments(deps.db, chunk);
  const byLine = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byLine.get(Number(row.line_id)) ?? [];
    list.push(row);
    byLine.set(Number(row.line_id), list);
  }
  const now = deps.clock.now().toISOString();
  for (const [lineId, items] of byLine) {
    const first = items[0]!;
    let pooledFen = Number(first.line_pooled_fen);
    let accountFen = Number(first.line_account_fen);
    for (const item of items) {
      pooledFen += Number(item.pooled_fen);
      accountFen += Number(item.account_fen);
    }
    const shortFen = pooledFen + accountFen;
    if (shortFen < 0) {
      // What cannot be withheld now waits for the next month, from the pooling fund's side.
      await insertAdjustments(deps.db, [
        {
          roll_id: Number(first.roll_id),
          for_period: chunk.period,
          pooled_fen: shortFen,
          account_fen: 0,
          reason: 'recovery-carried',
          note: `recovery left over after the payment of ${chunk.period}`,
          source_key: `carry:${lineId}`,
          recorded_at: now,
        },
      ]);
      pooledFen -= shortFen;
    }
    await updateLineAmounts(deps.db, lineId, { pooled_fen: pooledFen, account_fen: accountFen });
    await markAdjustmentsSettled(
      deps.db,
      items.map((item) => Number(item.adjustment_id)),
      lineId,
    );
  }
}
