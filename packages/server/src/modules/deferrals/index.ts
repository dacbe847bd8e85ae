export {
  readDeferralRequest,
  recordDeferral,
  type DeferralDeps,
  type DeferralRequest,
} from './record-deferral.ts';
export {
  approveDeferralInput,
  deferral,
  type ApproveDeferralInput,
  type Deferral,
} from './deferrals.schemas.ts';
export { selectDeferralsOfPayers } from './deferrals.repository.ts';
