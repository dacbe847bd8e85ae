export { approveDeferral, type DeferralDeps } from './approve-deferral.ts';
export {
  approveDeferralInput,
  deferral,
  type ApproveDeferralInput,
  type Deferral,
} from './deferrals.schemas.ts';
