export { createPolicyService, type PolicyService, type NewParameterVersion } from './service.ts';
export { newParameterVersionInput, policyParameter, type NewParameterVersionInput } from './schemas.ts';
