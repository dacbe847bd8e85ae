export {
  createAuthService,
  DEFAULT_AUTH_OPTIONS,
  type AuthOptions,
  type AuthService,
  type NewSession,
  type TokenIssuer,
} from './auth.service.ts';
export { ROLES, STAFF_ROLES, isStaffRole, type Principal, type Role, type StaffRole } from './roles.ts';
export {
  employerLoginInput,
  newTokenInput,
  newTokenReply,
  newUserInput,
  personLoginInput,
  sessionReply,
  staffLoginInput,
  tokenView,
  userView,
  type NewUserInput,
  type TokenView,
  type UserView,
} from './auth.schemas.ts';
export { selectDisplayNames, selectLoginKey } from './staff-names.repository.ts';
