import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { App } from '../app/index.ts';
import { createBatchedAccessWriter, recordAccess, type AccessActor } from '../modules/access-log/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import type { RouteAccess } from './access.ts';
import type { PersonalDataRead } from './personal-data-read.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    personalData?: PersonalDataRead;
  }
  interface FastifyRequest {
    /** Whose data the reply shows, named by handlers of `persons: 'handler'` routes. */
    personsRead: number[] | null;
  }
}

/** Names the persons whose data this reply shows (for routes declaring `persons: 'handler'`). */
export function markPersonsRead(
  request: FastifyRequest,
  personIds: Iterable<number | null | undefined>,
): void {
  const ids = (request.personsRead ??= []);
  for (const id of personIds) if (typeof id === 'number') ids.push(id);
}

function actorOf(principal: Principal): AccessActor {
  const regions = principal.regionCodes.length ? ` (${principal.regionCodes.join(', ')})` : '';
  // A designated institution's account: the person sees that the institution looked, not the agency.
  if (principal.institutionId !== null)
    return {
      kind: principal.kind === 'system' ? 'system' : 'staff',
      id: String(principal.userId),
      label: `designated institution ${principal.institutionId}, account ${principal.displayName} [${principal.loginKey}]`,
    };
  if (principal.kind === 'employer')
    return {
      kind: 'employer',
      id: String(principal.userId),
      label: `employer user ${principal.displayName} [${principal.loginKey}]`,
    };
  if (principal.kind === 'system')
    return {
      kind: 'system',
      id: String(principal.userId),
      label: `system ${principal.displayName} [${principal.loginKey}]${regions}`,
    };
  return {
    kind: 'staff',
    id: String(principal.userId),
    label: `agency staff ${principal.displayName} [${principal.loginKey}]${regions}`,
  };
}

export function installAccessLogging(server: FastifyInstance, app: App): void {
  server.decorateRequest('personsRead', null);
  const logDeps = {
    db: app.database.db,
    clock: app.clock,
    writeRows: createBatchedAccessWriter(app.database.db),
  };

  server.addHook('onRoute', (route: RouteOptions) => {
    const config = route.config as { personalData?: PersonalDataRead; access?: RouteAccess } | undefined;
    if (config?.personalData?.persons === 'scope' && !config.access?.scope)
      throw new Error(
        `route ${String(route.method)} ${route.url} logs the person of its scope, but declares no scope`,
      );
  });

  server.addHook('onSend', async (request, reply, payload) => {
    const declared = request.routeOptions.config.personalData;
    const principal = request.principal;
    if (!declared || !principal || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    let personIds: number[];
    if (declared.persons === 'scope') {
      const personId = request.accessScope?.personId;
      personIds = personId === undefined ? [] : [personId];
    } else {
      if (!request.personsRead)
        throw new Error(`${request.routeOptions.url} declares personal data but named no persons read`);
      personIds = request.personsRead;
    }
    // A person reading their own record is not an access by someone else.
    if (principal.kind === 'person') personIds = personIds.filter((id) => id !== principal.personId);
    if (personIds.length === 0) return payload;
    await recordAccess(logDeps, {
      personIds,
      actor: actorOf(principal),
      what: typeof declared.what === 'string' ? declared.what : declared.what(request),
      route: `${request.method} ${request.routeOptions.url}`,
      requestId: request.id,
    });
    return payload;
  });
}
