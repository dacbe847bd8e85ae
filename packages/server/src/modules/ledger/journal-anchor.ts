import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { selectChainHeads } from './journal.repository.ts';

/**
 * An anchor: each fund's chain head at a moment, written as one JSON line to a file an auditor keeps
 * outside the database (docs/RULES.md 8.9). Whoever can rewrite the journal and
 * recompute every hash after it still cannot make the chain reach a kept head again.
 */
export const journalAnchorSchema = z.object({
  anchoredAt: z.string().min(1),
  heads: z.array(
    z.object({
      fund: z.string().min(1),
      transactionId: z.number().int().positive().nullable(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type JournalAnchor = z.infer<typeof journalAnchorSchema>;

/** Every fund's chain head now. */
export async function readJournalAnchor(db: Kysely<Database>, anchoredAt: string): Promise<JournalAnchor> {
  const heads = await selectChainHeads(db);
  return {
    anchoredAt,
    heads: heads.map((head) => ({
      fund: head.fund,
      transactionId: head.head_transaction_id === null ? null : Number(head.head_transaction_id),
      hash: head.head_hash,
    })),
  };
}

/** The anchors of a kept file, one JSON object a line; a line that is not one is named by its number. */
export function parseJournalAnchors(text: string): JournalAnchor[] {
  const anchors: JournalAnchor[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new RangeError(`anchor file line ${index + 1}: not JSON`);
    }
    const result = journalAnchorSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new RangeError(
        `anchor file line ${index + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`,
      );
    }
    anchors.push(result.data);
  });
  return anchors;
}
