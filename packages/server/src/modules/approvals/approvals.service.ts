import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectDisplayNames, selectLoginKey, type Principal, type Role } from '../auth/index.ts';
import { withIdempotency } from '../idempotency/index.ts';
import {
  decideApproval,
  insertApproval,
  selectApproval,
  selectApprovals,
  type ApprovalRow,
} from './approvals.repository.ts';

/**
 * Second-person approval (docs/RULES.md 9.3): a sensitive change is first stored as a
 * proposal; another staff member with the right role approves it, which applies it in the same
 * transaction, or rejects it. The proposer can never decide their own proposal (checked here and by a
 * database constraint). New kinds of change (reversals, corrections, benefit awards) register an applier.
 */
export interface ChangeApplier<P = unknown> {
  /** Who may propose and who may decide. */
  roles: readonly Role[];
  /** Checks the payload before it is stored, so nobody is asked to approve what cannot be applied. */
  check(payload: P, db: Kysely<Database>): Promise<void>;
  /**
   * Records, inside the proposal's transaction, what waits for the decision (a death report stands
   * proposed), so the proposal and its record commit together or not at all; a replayed proposal does not
   * run it again. `details` is what the proposer handed beside the payload and is kept only where this
   * step puts it, never in the approval (a death report's heirs with their identity numbers and accounts,
   * while the approval, which oversight lists, shows them masked). Most kinds have no such step.
   */
  proposed?(
    trx: Kysely<Database>,
    payload: P,
    who: { proposedBy: string; approvalId: number },
    details: unknown,
  ): Promise<void>;
  /**
   * Undoes, inside the rejection's transaction, what proposing set waiting (an application marked as
   * awaiting its award goes back to review); most kinds leave nothing waiting and have none.
   */
  rejected?(
    trx: Kysely<Database>,
    payload: P,
    who: { rejectedBy: string; approvalId: number },
  ): Promise<void>;
  /**
   * Runs once the approval has committed, for what cannot share its transaction (a reassessment of months,
   * one transaction per month); it must be safe to run again, since a retry is how a failure here is
   * repaired. Most kinds have none.
   */
  approved?(payload: P, result: unknown): Promise<void>;
  /** Applies the change inside the approval's transaction; returns what to record as the result. */
  apply(
    trx: Kysely<Database>,
    payload: P,
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<unknown>;
}

export interface Approval {
  id: number;
  kind: string;
  regionCode: string;
  summary: string;
  payload: unknown;
  status: 'pending' | 'approved' | 'rejected';
  proposedBy: number;
  proposedByName: string;
  proposedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  result: unknown;
}

export interface ApprovalService {
  readonly kinds: readonly string[];
  rolesFor(kind: string): readonly Role[];
  propose(
    kind: string,
    payload: unknown,
    meta: { regionCode: string; summary: string },
    proposer: Principal,
  ): Promise<Approval>;
  /**
   * Proposes once per idempotency key: the same key and payload return the first proposal (replayed), the
   * key with another payload is a conflict. For proposals of changes that move money.
   */
  proposeOnce(
    kind: string,
    payload: unknown,
    meta: { regionCode: string; summary: string },
    proposer: Principal,
    idempotencyKey: string | undefined,
    details?: unknown,
  ): Promise<{ approval: Approval; replayed: boolean }>;
  approve(id: number, decider: Principal, note?: string): Promise<Approval>;
  reject(id: number, decider: Principal, note?: string): Promise<Approval>;
  get(id: number): Promise<Approval>;
  list(filter: {
    status?: Approval['status'];
    afterId?: number;
    limit: number;
    regionPrefixes?: readonly string[];
  }): Promise<Approval[]>;
}

/** Approvals with the names of who proposed and who decided, as staff see them on the approvals page. */
async function withNames(db: Kysely<Database>, rows: readonly ApprovalRow[]): Promise<Approval[]> {
  const names = await selectDisplayNames(
    db,
    rows.flatMap((row) => [
      Number(row.proposed_by),
      ...(row.decided_by === null ? [] : [Number(row.decided_by)]),
    ]),
  );
  return rows.map((row) =>
    toApproval({
      ...row,
      proposer_name: names.get(Number(row.proposed_by))!,
      decider_name: row.decided_by === null ? null : (names.get(Number(row.decided_by)) ?? null),
    }),
  );
}

function toApproval(row: ApprovalRow & { proposer_name: string; decider_name: string | null }): Approval {
  return {
    id: Number(row.id),
    kind: row.kind,
    regionCode: row.region_code,
    summary: row.summary,
    payload: JSON.parse(row.payload_json) as unknown,
    status: row.status,
    proposedBy: Number(row.proposed_by),
    proposedByName: row.proposer_name,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by === null ? null : Number(row.decided_by),
    decidedByName: row.decider_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
  };
}

export function createApprovalService(
  db: Kysely<Database>,
  clock: Clock,
  appliers: Readonly<Record<string, ChangeApplier<never>>>,
): ApprovalService {
  const applierOf = (kind: string): ChangeApplier<unknown> => {
    const applier = appliers[kind] as ChangeApplier<unknown> | undefined;
    if (!applier)
      throw new AppError(ErrorCode.VALIDATION, `kind: no change of kind "${kind}" needs approval`, {
        field: 'kind',
      });
    return applier;
  };
  const mayAct = (principal: Principal, kind: string) => {
    if (principal.kind !== 'staff' || !principal.roles.some((role) => applierOf(kind).roles.includes(role)))
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `a ${kind} change needs a staff member with one of the roles ${applierOf(kind).roles.join(', ')}`,
        { detailCode: 'approval-needs-role', params: { roles: applierOf(kind).roles.join(',') } },
      );
  };
  async function get(id: number): Promise<Approval> {
    const row = await selectApproval(db, id);
    if (!row)
      throw new AppError(ErrorCode.NOT_FOUND, `approvalId: no approval ${id}`, { field: 'approvalId' });
    return (await withNames(db, [row]))[0]!;
  }

  async function decide(
    id: number,
    decider: Principal,
    status: 'approved' | 'rejected',
    note: string | undefined,
  ) {
    const pending = await get(id);
    mayAct(decider, pending.kind);
    // The real person counts, not only the account: a token acts for its issuer (docs/RULES.md 9.3).
    if (pending.proposedBy === decider.userId || pending.proposedBy === decider.actorUserId)
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'a proposal needs a second person: the proposer cannot decide it',
        { detailCode: 'needs-second-person' },
      );
    if (pending.status !== 'pending')
      throw new AppError(ErrorCode.CONFLICT, `approvalId: approval ${id} is ${pending.status} already`, {
        field: 'approvalId',
        detailCode: 'approval-decided',
      });
    const decidedAt = clock.now().toISOString();
    let result: unknown = null;
    await db.transaction().execute(async (trx) => {
      if (status === 'approved') {
        result = await applierOf(pending.kind).apply(trx, pending.payload, {
          proposedBy: await selectLoginKey(trx, pending.proposedBy),
          approvedBy: decider.loginKey,
          approvalId: id,
        });
      } else {
        await applierOf(pending.kind).rejected?.(trx, pending.payload, {
          rejectedBy: decider.loginKey,
          approvalId: id,
        });
      }
      const decided = await decideApproval(trx, id, {
        status,
        decided_by: decider.userId,
        decided_at: decidedAt,
        decision_note: note ?? null,
        result_json: result === null ? null : JSON.stringify(result),
      });
      if (!decided)
        throw new AppError(ErrorCode.CONFLICT, `approvalId: approval ${id} was decided meanwhile`, {
          field: 'approvalId',
          detailCode: 'approval-decided',
        });
    });
    if (status === 'approved') await applierOf(pending.kind).approved?.(pending.payload, result);
    return get(id);
  }

  async function proposeOnce(
    kind: string,
    payload: unknown,
    meta: { regionCode: string; summary: string },
    proposer: Principal,
    idempotencyKey: string | undefined,
    details?: unknown,
  ) {
    mayAct(proposer, kind);
    const proposedAt = clock.now().toISOString();
    // The check reads through the transaction (SQLite has one connection), so the key, the check and the
    // proposal commit together.
    const { result: id, replayed } = await db.transaction().execute((trx) =>
      withIdempotency(
        trx,
        `approval:${kind}`,
        idempotencyKey,
        payload,
        async () => {
          await applierOf(kind).check(payload, trx);
          const approvalId = await insertApproval(trx, {
            kind,
            region_code: meta.regionCode,
            payload_json: JSON.stringify(payload),
            summary: meta.summary,
            status: 'pending',
            proposed_by: proposer.userId,
            proposed_at: proposedAt,
          });
          await applierOf(kind).proposed?.(
            trx,
            payload,
            { proposedBy: proposer.loginKey, approvalId: Number(approvalId) },
            details,
          );
          return approvalId;
        },
        proposedAt,
      ),
    );
    return { approval: await get(id), replayed };
  }

  return {
    kinds: Object.keys(appliers),
    rolesFor: (kind) => applierOf(kind).roles,
    propose: async (kind, payload, meta, proposer) =>
      (await proposeOnce(kind, payload, meta, proposer, undefined)).approval,
    proposeOnce,
    approve: (id, decider, note) => decide(id, decider, 'approved', note),
    reject: (id, decider, note) => decide(id, decider, 'rejected', note),
    get,
    list: async (filter) => withNames(db, await selectApprovals(db, filter)),
  };
}
