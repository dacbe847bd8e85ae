import type { NewParameterVersion, PolicyService } from '../policy/index.ts';
import { newParameterVersionInput } from '../policy/schemas.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { ChangeApplier } from './service.ts';

/** A new version of a policy parameter: proposed by one administrator, applied when another approves. */
export function policyVersionApplier(policy: PolicyService): ChangeApplier<NewParameterVersion> {
  return {
    roles: ['admin'],
    async check(payload) {
      const parsed = newParameterVersionInput.safeParse(payload);
      if (!parsed.success) throw new AppError(ErrorCode.VALIDATION, 'payload: is not a parameter version');
    },
    apply: (trx, payload, who) =>
      policy.addVersion(payload, who.proposedBy, { approvedBy: who.approvedBy, trx }),
  };
}
