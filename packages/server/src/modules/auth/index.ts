export {
  createAuthService,
  DEFAULT_AUTH_OPTIONS,
  type AuthOptions,
  type AuthService,
  type NewSession,
} from './service.ts';
export { ROLES, STAFF_ROLES, isStaffRole, type Principal, type Role, type StaffRole } from './roles.ts';
export {
  employerLoginInput,
  newTokenInput,
  newTokenReply,
  newUserInput,
  personLoginInput,
  sessionReply,
  staffLoginInput,
  userView,
  type NewUserInput,
  type UserView,
} from './schemas.ts';
