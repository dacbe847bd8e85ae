import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery, pageReply } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { personInParams } from '../../http/scopes.ts';
import { accessLogEntry } from './access-log.schemas.ts';
import { listAccessLog } from './access-log.service.ts';

/** Who read a person's record: the person themself, and the agency's administrators and auditors. */
export const accessLogRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/access-log',
    {
      schema: {
        tags: ['inquiry'],
        summary:
          "Who read the person's record, when, what and through which route; newest first (cursor pages)",
        params: z.strictObject({ personId: idText }),
        querystring: z.strictObject({ ...pageQuery }),
        response: { 200: pageReply(accessLogEntry) },
      },
      config: {
        access: accessTo('access-log', 'read', personInParams(app)),
        // An administrator or auditor looking at the log reads the person's record too.
        personalData: { what: 'access log', persons: 'scope' },
      },
    },
    async (request) => {
      const { personId } = request.params;
      const before = decodeCursor(request.query.cursor, ['number'])?.[0];
      await app.registration.getPerson(personId);
      const page = await listAccessLog({ db: app.database.db, clock: app.clock }, personId, {
        limit: pageLimit(request.query.limit),
        ...(before === undefined ? {} : { before: String(before) }),
      });
      return {
        items: page.entries,
        nextCursor: page.nextCursor === null ? null : encodeCursor([Number(page.nextCursor)]),
      };
    },
  );
};
