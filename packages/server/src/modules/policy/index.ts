export {
  createPolicyService,
  DEFAULT_PERIOD_HORIZON_MONTHS,
  type NewParameterVersion,
  type PolicyOptions,
  type PolicyService,
} from './policy.service.ts';
export {
  newParameterVersionInput,
  policyParameter,
  type NewParameterVersionInput,
} from './policy.schemas.ts';
