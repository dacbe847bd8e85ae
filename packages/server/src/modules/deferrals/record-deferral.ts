import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { insertDeferral, selectOverlappingDeferrals } from './deferrals.repository.ts';
import { approveDeferralInput, type ApproveDeferralInput, type Deferral } from './deferrals.schemas.ts';

export interface DeferralDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export type DeferralRequest = z.output<typeof approveDeferralInput>;

/** A deferral's request checked: every field, and the days in order. */
export function readDeferralRequest(input: ApproveDeferralInput): DeferralRequest {
  const parsed = approveDeferralInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const request = parsed.data;
  if (request.toDate < request.fromDate) {
    throw new AppError(
      ErrorCode.VALIDATION,
      `toDate: ${request.toDate} is before fromDate ${request.fromDate}`,
      {
        field: 'toDate',
      },
    );
  }
  return request;
}

/**
 * Records a deferral approved for force majeure (SIL Art. 60) for the payer, inside the caller's
 * transaction (workflows/approve-deferral.ts names the payer): no late fee accrues on the payer's overdue
 * bills for its days, both ends included; payments apply it when they compute late fees. Deferrals of one
 * payer never overlap, so no day is taken off twice; approving the very same deferral again changes
 * nothing and returns the first record.
 */
export async function recordDeferral(
  trx: Kysely<Database>,
  payerKey: string,
  request: DeferralRequest,
  recordedAt: string,
): Promise<Deferral> {
  const overlapping = await selectOverlappingDeferrals(trx, payerKey, request.fromDate, request.toDate);
  const same = overlapping.find(
    (row) =>
      row.from_date === request.fromDate && row.to_date === request.toDate && row.reason === request.reason,
  );
  if (same) return toDeferral(same, true);
  if (overlapping.length) {
    const other = overlapping[0]!;
    throw new AppError(
      ErrorCode.CONFLICT,
      `fromDate: the payer already has a deferral from ${other.from_date} to ${other.to_date} (id ${other.id})`,
      { field: 'fromDate' },
    );
  }
  const row = {
    payer_key: payerKey,
    from_date: request.fromDate,
    to_date: request.toDate,
    reason: request.reason,
    approved_by: request.approvedBy,
    recorded_at: recordedAt,
  };
  const id = await insertDeferral(trx, row);
  return toDeferral({ id, ...row }, false);
}

function toDeferral(
  row: {
    id: number;
    payer_key: string;
    from_date: string;
    to_date: string;
    reason: string;
    approved_by: string;
    recorded_at: string;
  },
  replayed: boolean,
): Deferral {
  return {
    id: row.id,
    payerKey: row.payer_key,
    fromDate: row.from_date,
    toDate: row.to_date,
    reason: row.reason,
    approvedBy: row.approved_by,
    recordedAt: row.recorded_at,
    replayed,
  };
}
