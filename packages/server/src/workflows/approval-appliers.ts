import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { AppError, ErrorCode } from '../errors/index.ts';
import type { ChangeApplier } from '../modules/approvals/index.ts';
import {
  newParameterVersionInput,
  type NewParameterVersion,
  type PolicyService,
} from '../modules/policy/index.ts';
import {
  declareBaseInput,
  type DeclareBaseInput,
  type RegistrationService,
} from '../modules/registration/index.ts';

/*
 * The approval appliers: the changes a second person approves (docs/ARCHITECTURE.md, "Workflows"). Each
 * one checks a proposal when it is made and applies it inside the approval's transaction; they are
 * registered with the approval service in the composition root (app/open-app.ts), so approvals never
 * imports the modules whose changes it gates. The payment reversal's applier is in payment-reversal.ts.
 */

/** A new version of a policy parameter: proposed by one administrator, applied when another approves. */
export function policyVersionApplier(policy: PolicyService): ChangeApplier<NewParameterVersion> {
  return {
    roles: ['admin'],
    // The same checks as when it is applied (name, value, region, periods), so no junk waits for approval.
    async check(payload, db) {
      const parsed = newParameterVersionInput.safeParse(payload);
      if (!parsed.success) throw new AppError(ErrorCode.VALIDATION, 'payload: is not a parameter version');
      await policy.checkVersion(parsed.data as NewParameterVersion, db);
    },
    apply: (trx, payload, who) =>
      policy.addVersion(payload, who.proposedBy, { approvedBy: who.approvedBy, trx }),
  };
}

/**
 * A corrected contribution base (a new version with source "correction") entered by agency staff for an
 * employee: it changes what months already billed should have been, so a second collection officer or
 * administrator approves it. Applied as a new version, never an edit; `collect adjust` then bills the
 * difference for the months it touches.
 */
export function baseCorrectionApplier(
  registrationFor: (db: Kysely<Database>) => RegistrationService,
): ChangeApplier<DeclareBaseInput> {
  return {
    roles: ['admin', 'collection_officer'],
    async check(payload) {
      const parsed = declareBaseInput.safeParse(payload);
      if (!parsed.success || parsed.data.source !== 'correction')
        throw new AppError(ErrorCode.VALIDATION, 'payload: is not a base correction');
    },
    apply: (trx, payload) => registrationFor(trx).declareBase({ ...payload, source: 'correction' }),
  };
}
