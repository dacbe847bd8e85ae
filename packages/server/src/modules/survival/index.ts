export { createSurvivalService, type SurvivalService } from './survival.service.ts';
export type { Recorder, SurvivalDeps } from './survival-deps.ts';
export type { ConfirmedDeath } from './death-report-steps.ts';
export { maskedConfirmation } from './death-report-steps.ts';
export {
  deathReportInput,
  deathReportView,
  type DeathReportDetails,
  type DeathReportInput,
  type DeathReportPayload,
  type DeathReportView,
} from './death-reports.schemas.ts';
export { standingReply, type StandingReply, type StaffVerificationInput } from './survival.schemas.ts';
