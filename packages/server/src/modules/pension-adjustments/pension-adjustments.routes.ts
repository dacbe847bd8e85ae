import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, optionalIdempotencyKeyOf, replyProposed } from '../../http/idempotency-key.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery, pageReply } from '../../http/pagination.ts';
import { regionInParams } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import { approval, decisionOf, secondPersonDecision } from '../approvals/index.ts';
import {
  adjustmentChange,
  adjustmentPolicyInput,
  adjustmentPolicyView,
  adjustmentRunReply,
} from './pension-adjustments.schemas.ts';

const tags = ['pension-adjustments'];
const region = z.strictObject({ regionCode: regionCodeText });

/** The yearly adjustment of pensions in payment: propose, approve, apply, look (docs/RULES.md 14.11). */
export const pensionAdjustmentRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/regions/:regionCode/pension-adjustments',
    {
      schema: {
        tags,
        summary: 'The region’s yearly pension adjustments, every version, with how many awards each adjusted',
        params: region,
        response: { 200: z.object({ items: z.array(adjustmentPolicyView) }) },
      },
      config: { access: accessTo('pension-adjustments', 'read', regionInParams) },
    },
    async (request) => ({ items: await app.pensionAdjustments.list(request.params.regionCode) }),
  );
  server.post(
    '/api/regions/:regionCode/pension-adjustments',
    {
      schema: {
        tags,
        summary:
          'Propose the year’s adjustment as the notice sets it (percentage, fixed sum, per contribution year, age tilt); a second officer approves',
        params: region,
        headers: idempotencyHeaders.partial(),
        body: adjustmentPolicyInput,
        response: { 201: approval, 200: approval },
      },
      config: { access: accessTo('pension-adjustments', 'propose', regionInParams) },
    },
    async (request, reply) => {
      const key = optionalIdempotencyKeyOf(request);
      const proposed = await app.workflows.proposePensionAdjustment(
        app,
        request.params.regionCode,
        request.body,
        request.principal!,
        key,
      );
      return replyProposed(reply, proposed, proposed.approval);
    },
  );
  server.get(
    '/api/regions/:regionCode/pension-adjustments/proposals',
    {
      schema: {
        tags,
        summary: 'The region’s proposed adjustments waiting for a second officer',
        params: region,
        response: { 200: z.object({ items: z.array(approval) }) },
      },
      config: { access: accessTo('pension-adjustments', 'read', regionInParams) },
    },
    async (request) => ({
      items: await app.workflows.listPensionAdjustmentProposals(app, request.params.regionCode),
    }),
  );
  server.post(
    '/api/regions/:regionCode/pension-adjustments/proposals/:approvalId/decision',
    {
      schema: {
        tags,
        summary: 'A second officer approves the proposed adjustment (its version is recorded) or rejects it',
        params: region.extend({ approvalId: idText }),
        body: secondPersonDecision,
        response: { 200: approval },
      },
      config: { access: accessTo('pension-adjustments', 'decide', regionInParams) },
    },
    async (request) =>
      app.workflows.decidePensionAdjustment(
        app,
        request.params.regionCode,
        request.params.approvalId,
        decisionOf(request.body),
        request.principal!,
      ),
  );
  server.post(
    '/api/regions/:regionCode/pension-adjustments/:policyId/application',
    {
      schema: {
        tags,
        summary:
          'Apply an approved adjustment to every pension in payment in the region: a new version of each from the effective month, one transaction a chunk; a repeat changes nothing',
        params: region.extend({ policyId: idText }),
        response: { 200: adjustmentRunReply },
      },
      config: { access: accessTo('pension-adjustments', 'apply', regionInParams) },
    },
    async (request) =>
      app.workflows.applyPensionAdjustment(app, request.params.regionCode, request.params.policyId),
  );
  server.get(
    '/api/regions/:regionCode/pension-adjustments/:policyId/changes',
    {
      schema: {
        tags,
        summary:
          'What an adjustment did to each award: from which month, the amount before and after, every part explained (cursor pages)',
        params: region.extend({ policyId: idText }),
        querystring: z.strictObject(pageQuery),
        response: { 200: pageReply(adjustmentChange) },
      },
      config: { access: accessTo('pension-adjustments', 'read', regionInParams) },
    },
    async (request) => {
      const limit = pageLimit(request.query.limit);
      const afterId = (decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined) ?? 0;
      const items = await app.pensionAdjustments.changes(request.params.regionCode, request.params.policyId, {
        afterId,
        limit: limit + 1,
      });
      const page = items.slice(0, limit);
      return { items: page, nextCursor: items.length > limit ? encodeCursor([page.at(-1)!.id]) : null };
    },
  );
};
