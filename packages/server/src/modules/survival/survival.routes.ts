import { chinaDateOf } from '@shebao/domain';
import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { personInParams, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import { businessDate, refuseFutureDate } from '../../shared/business-date.ts';
import type { Principal } from '../auth/index.ts';
import { dueItem, selfVerificationInput, staffVerificationInput, standingReply } from './survival.schemas.ts';
import type { Recorder } from './survival-deps.ts';

const tags = ['survival'];
const params = z.strictObject({ personId: idText });
const recordedReply = standingReply.extend({ created: z.boolean() });

export function recorderOf(principal: Principal): Recorder {
  return { login: principal.loginKey, side: principal.kind === 'person' ? 'person' : 'staff' };
}

/** Survival verification: the person's standing, verifications recorded, the region's due list (docs/RULES.md 14.9). */
export const survivalRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/survival',
    {
      schema: {
        tags,
        summary:
          'Where a pensioner stands with survival verification: the cycle, its status, the month paid through, and every verification',
        params,
        response: { 200: standingReply },
      },
      config: {
        access: accessTo('survival-verifications', 'read', personInParams(app)),
        personalData: { what: 'survival verification', persons: 'scope' },
      },
    },
    async (request) => app.survival.standingOf(request.params.personId),
  );
  server.post(
    '/api/persons/:personId/survival-verifications',
    {
      schema: {
        tags,
        summary:
          'Record a verification made at the counter, on a home visit, through a consulate or by a data match (once per day and method)',
        params,
        body: staffVerificationInput,
        response: { 201: recordedReply, 200: recordedReply },
      },
      config: {
        access: accessTo('survival-verifications', 'record', personInParams(app)),
        personalData: { what: 'survival verification', persons: 'scope' },
      },
    },
    async (request, reply) => {
      const recorded = await app.workflows.recordSurvivalVerification(
        app,
        request.params.personId,
        request.body,
        recorderOf(request.principal!),
      );
      reply.status(recorded.created ? 201 : 200);
      return recorded;
    },
  );
  server.post(
    '/api/persons/:personId/survival-verifications/self',
    {
      schema: {
        tags,
        summary:
          'The pensioner verifies through their own session (face recognition in the agency’s app): they attest they are alive',
        params,
        body: selfVerificationInput,
        response: { 201: recordedReply, 200: recordedReply },
      },
      config: {
        access: accessTo('survival-verifications', 'verify-self', personInParams(app)),
        personalData: { what: 'survival verification', persons: 'scope' },
      },
    },
    async (request, reply) => {
      const recorded = await app.workflows.verifySurvivalSelf(
        app,
        request.params.personId,
        recorderOf(request.principal!),
      );
      reply.status(recorded.created ? 201 : 200);
      return recorded;
    },
  );
  server.get(
    '/api/survival/due',
    {
      schema: {
        tags,
        summary:
          'The region’s pensioners whose verification cycle ends within 60 days without one, and those overdue (suspended); identity numbers masked',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          asOf: businessDate.optional(),
          ...pageQuery,
        }),
        response: {
          200: z.object({ asOf: z.string(), items: z.array(dueItem), nextCursor: z.string().nullable() }),
        },
      },
      config: {
        access: accessTo('survival-verifications', 'list-due', regionInQuery),
        personalData: { what: 'survival verification due list', persons: 'handler' },
      },
    },
    async (request) => {
      const today = chinaDateOf(app.clock.now());
      const asOf = request.query.asOf ?? today;
      refuseFutureDate(asOf, today, 'asOf', { allowDays: 366 });
      const limit = pageLimit(request.query.limit);
      const afterAwardId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const page = await app.survival.listDue({
        regionCode: request.query.regionCode,
        asOf,
        limit,
        ...(afterAwardId === undefined ? {} : { afterAwardId }),
      });
      markPersonsRead(
        request,
        page.items.map((item) => item.personId),
      );
      return {
        asOf,
        items: page.items.map(({ awardId: _awardId, ...item }) => item),
        nextCursor: page.more ? encodeCursor([page.items.at(-1)!.awardId]) : null,
      };
    },
  );
};
