export {
  createPolicyService,
  DEFAULT_PERIOD_HORIZON_MONTHS,
  type NewParameterVersion,
  type PolicyOptions,
  type PolicyService,
} from './service.ts';
export { newParameterVersionInput, policyParameter, type NewParameterVersionInput } from './schemas.ts';
