import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { JournalAnchor } from './journal-anchor.ts';
import { GENESIS_HASH, hashTransaction } from './journal-chain.ts';
import { selectChainHeads } from './journal.repository.ts';
import type { VerificationCheck } from './verification-check.ts';
import { walkJournal } from './walk-journal.ts';

type Db = Kysely<Database>;

/** The first link of a fund's chain that does not hold. */
export interface BrokenLink {
  fund: string;
  transactionId: number;
  eventKey: string;
  reason: string;
}

export interface ChainVerification {
  checks: VerificationCheck[];
  brokenLinks: BrokenLink[];
}

interface FundState {
  /** The hash of the fund's last transaction, recomputed from the genesis on. */
  recomputed: string;
  lastId: number | null;
  length: number;
  broken?: BrokenLink;
}

/**
 * Recomputes every fund's hash chain from the stored rows (docs/RULES.md 8.8) and
 * names the first broken link of each: a transaction whose stored previous hash is not the hash of the
 * fund's transaction before it, or whose stored hash is not the hash of its content. Then the chain head
 * kept for posting must be the fund's last transaction (a removed tail shows there), and each kept anchor
 * must still be on the recomputed chain: a journal rewritten and re-hashed from some point on is
 * consistent in itself, but no longer reaches the hash an auditor kept.
 */
export async function verifyJournalChain(
  db: Db,
  anchors: readonly JournalAnchor[] = [],
): Promise<ChainVerification> {
  const funds = new Map<string, FundState>();
  const state = (fund: string) => {
    let found = funds.get(fund);
    if (!found) funds.set(fund, (found = { recomputed: GENESIS_HASH, lastId: null, length: 0 }));
    return found;
  };
  // What each anchor says a transaction's hash is, checked as the walk passes that transaction.
  const anchored = new Map<string, { anchor: JournalAnchor; hash: string }[]>();
  for (const anchor of anchors) {
    for (const head of anchor.heads) {
      if (head.transactionId === null) continue;
      const key = `${head.fund}|${head.transactionId}`;
      anchored.set(key, [...(anchored.get(key) ?? []), { anchor, hash: head.hash }]);
    }
  }
  const anchorProblems: string[] = [];
  const seen = new Set<string>();

  // The heads first: a posting that commits during the walk extends a chain past them, which is fine;
  // what must hold is that the chain, recomputed, passes through each head with the head's hash.
  const heads = await selectChainHeads(db);
  const headIds = new Map<string, number | null>(
    heads.map((head) => [
      head.fund,
      head.head_transaction_id === null ? null : Number(head.head_transaction_id),
    ]),
  );
  const atHead = new Map<string, string>();

  for await (const transaction of walkJournal(db)) {
    const fund = state(transaction.fund);
    const expected = hashTransaction(fund.recomputed, transaction);
    if (!fund.broken) {
      const link = { fund: transaction.fund, transactionId: transaction.id, eventKey: transaction.eventKey };
      if (transaction.prevHash !== fund.recomputed) {
        fund.broken = {
          ...link,
          reason:
            fund.lastId === null
              ? 'its previous hash is not the start of the chain'
              : `its previous hash is not the hash of transaction ${fund.lastId} before it`,
        };
      } else if (transaction.hash !== expected) {
        fund.broken = { ...link, reason: 'its hash does not match its content' };
      }
    }
    fund.recomputed = expected;
    fund.lastId = transaction.id;
    if (headIds.get(transaction.fund) === transaction.id) atHead.set(transaction.fund, expected);
    fund.length += 1;
    const key = `${transaction.fund}|${transaction.id}`;
    for (const kept of anchored.get(key) ?? []) {
      seen.add(key);
      if (kept.hash !== expected) {
        anchorProblems.push(
          `anchor of ${kept.anchor.anchoredAt}: ${transaction.fund} transaction ${transaction.id} ` +
            `hashes to ${expected.slice(0, 16)}… now, the anchor kept ${kept.hash.slice(0, 16)}…`,
        );
      }
    }
  }
  for (const [key, kept] of anchored) {
    if (seen.has(key)) continue;
    const [fund, id] = key.split('|');
    for (const { anchor } of kept) {
      anchorProblems.push(
        `anchor of ${anchor.anchoredAt}: ${fund} transaction ${id} is no longer in the journal`,
      );
    }
  }

  for (const head of heads) state(head.fund);
  const checks: VerificationCheck[] = [];
  const brokenLinks: BrokenLink[] = [];
  for (const [name, fund] of [...funds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const discrepancies: string[] = [];
    if (fund.broken) {
      brokenLinks.push(fund.broken);
      discrepancies.push(
        `first broken link: ${name} transaction ${fund.broken.transactionId} (${fund.broken.eventKey}): ${fund.broken.reason}`,
      );
    }
    const head = heads.find((row) => row.fund === name);
    const headId = headIds.get(name) ?? null;
    if (!head) discrepancies.push(`${name} has no chain head`);
    else if (headId === null) {
      if (head.head_hash !== GENESIS_HASH)
        discrepancies.push(`the chain head names no transaction but a hash`);
    } else if (!atHead.has(name)) {
      discrepancies.push(`the chain head is transaction ${headId}, which is not in the ${name} journal`);
    } else if (atHead.get(name) !== head.head_hash) {
      discrepancies.push(
        `the chain head is transaction ${headId} with another hash than the chain up to it (a transaction after it removed?)`,
      );
    }
    checks.push({
      code: 'journal-chain-intact',
      fund: name,
      name: `the ${name} journal's hash chain is unbroken and ends at its head`,
      ok: discrepancies.length === 0,
      discrepancies,
    });
  }
  if (anchors.length > 0) {
    checks.push({
      code: 'journal-anchors-kept',
      name: 'every kept anchor is on the recomputed chain',
      ok: anchorProblems.length === 0,
      discrepancies: anchorProblems.slice(0, 20),
    });
  }
  return { checks, brokenLinks };
}
