import { ApiError, reach } from './api-error.ts';
import { api } from './client.ts';
import { csrfToken } from './csrf-token.ts';
import type {
  EmployerLoginInput,
  PersonLoginInput,
  SessionReply,
  StaffLoginInput,
  UserView,
} from './pending-paths.ts';

export type Audience = 'person' | 'employer' | 'staff';

export type LoginRequest =
  | { audience: 'person'; body: PersonLoginInput }
  | { audience: 'employer'; body: EmployerLoginInput }
  | { audience: 'staff'; body: StaffLoginInput };

/** Signs in; the server sets the session cookie, the CSRF token is kept for later writes. */
export async function logIn(request: LoginRequest): Promise<SessionReply> {
  const { data, error, response } = await reach(() => postLogin(request));
  if (!data) throw new ApiError(response.status, error);
  csrfToken.remember(data.csrfToken, data.user.id);
  return data;
}

function postLogin(request: LoginRequest) {
  switch (request.audience) {
    case 'person':
      return api.POST('/api/auth/login/person', { body: request.body });
    case 'employer':
      return api.POST('/api/auth/login/employer', { body: request.body });
    case 'staff':
      return api.POST('/api/auth/login/staff', { body: request.body });
  }
}

/**
 * The signed-in account, or null when there is no session (401) or no such route yet (404). Its reply
 * carries the session's CSRF token: a tab opened after the login learns it here.
 */
export async function fetchCurrentUser(): Promise<UserView | null> {
  const { data, error, response } = await reach(() => api.GET('/api/auth/me'));
  if (data) {
    const { csrfToken: token, ...user } = data;
    csrfToken.remember(token, user.id);
    return user;
  }
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    csrfToken.forget();
    return null;
  }
  throw new ApiError(response.status, error);
}

export async function logOut(): Promise<void> {
  const { response, error } = await reach(() => api.POST('/api/auth/logout'));
  csrfToken.forget();
  if (!response.ok && response.status !== 401) throw new ApiError(response.status, error);
}

/** Which audience an account belongs to: system accounts use bearer tokens, never the web app. */
export function audienceOf(user: UserView): Audience | null {
  return user.kind === 'system' ? null : user.kind;
}
