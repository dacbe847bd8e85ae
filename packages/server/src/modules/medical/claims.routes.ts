import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, idempotencyKeyOf } from '../../http/idempotency-key.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { claimInParams, institutionInBody, institutionInQuery } from '../../http/scopes.ts';
import { pageQuery } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { cancellationInput, claimInput, claimView } from './claims.schemas.ts';

const tags = ['medical'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');
const claimParams = z.strictObject({
  claimNo: z.string().regex(/^MC\d{8}[0-9A-F]{12}$/, 'is not a claim number'),
});

/**
 * Real-time settlement with designated institutions (docs/RULES.md 16.3): a claim settled in one request,
 * answered with every amount and its explanation; the same request again answers as the first did.
 */
export const medicalClaimRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/medical/claims',
    {
      schema: {
        tags,
        summary: 'Settle a claim in real time: the fund’s share, the account’s, the cash, and the year left',
        headers: idempotencyHeaders,
        body: claimInput,
        response: { 201: claimView, 200: claimView },
      },
      config: { access: accessTo('medical-claims', 'settle', institutionInBody(app)) },
    },
    async (request, reply) => {
      const outcome = await app.medical.settleClaim({
        input: request.body,
        idempotencyKey: idempotencyKeyOf(request),
        recordedBy: request.principal!.loginKey,
      });
      if ('error' in outcome) throw outcome.error;
      reply.status(outcome.replayed ? 200 : 201);
      if (outcome.replayed) reply.header('idempotency-replayed', 'true');
      return outcome.claim;
    },
  );
  server.get(
    '/api/medical/claims',
    {
      schema: {
        tags,
        summary: 'An institution’s claims, newest first, within settlement dates',
        querystring: z.strictObject({
          institutionId: idText,
          from: date.optional(),
          to: date.optional(),
          beforeId: idText.optional(),
          limit: pageQuery.limit,
        }),
        response: { 200: z.object({ items: z.array(claimView) }) },
      },
      config: {
        access: accessTo('medical-claims', 'read', institutionInQuery(app)),
        personalData: { what: 'medical claims of an institution', persons: 'handler' },
      },
    },
    async (request) => {
      const { institutionId, from, to, beforeId, limit } = request.query;
      const items = await app.medical.listClaims({
        institutionId,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(beforeId ? { beforeId } : {}),
        limit: limit ?? 50,
      });
      markPersonsRead(
        request,
        items.map((claim) => claim.person.id),
      );
      return { items };
    },
  );
  server.get(
    '/api/medical/claims/:claimNo',
    {
      schema: {
        tags,
        summary: 'One claim with its items and explanation',
        params: claimParams,
        response: { 200: claimView },
      },
      config: {
        access: accessTo('medical-claims', 'read', claimInParams(app)),
        personalData: { what: 'a medical claim', persons: 'handler' },
      },
    },
    async (request) => {
      const claim = await app.medical.getClaimByNo(request.params.claimNo);
      if (!claim)
        throw new AppError(ErrorCode.NOT_FOUND, `claimNo: no claim ${request.params.claimNo}`, {
          field: 'claimNo',
        });
      markPersonsRead(request, [claim.person.id]);
      return claim;
    },
  );
  server.post(
    '/api/medical/claims/:claimNo/cancellation',
    {
      schema: {
        tags,
        summary: 'Cancel a settled claim (the patient’s refund): the year’s totals and the account restored',
        params: claimParams,
        body: cancellationInput,
        response: { 201: claimView, 200: claimView },
      },
      config: { access: accessTo('medical-claims', 'cancel', claimInParams(app)) },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const outcome = await app.medical.cancelClaim(request.params.claimNo, request.body.reason, {
        loginKey: principal.loginKey,
        institutionId: principal.institutionId,
      });
      reply.status(outcome.replayed ? 200 : 201);
      return outcome.claim;
    },
  );
};
