export { createPolicyService, type PolicyService, type NewParameterVersion } from './service.ts';
