import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, optionalIdempotencyKeyOf, replyProposed } from '../../http/idempotency-key.ts';
import { personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { approval, decisionOf, secondPersonDecision } from '../approvals/index.ts';
import { awardCorrectionInput } from './correct-award.ts';

const tags = ['benefits'];
const params = z.strictObject({
  personId: idText,
  awardNo: z.string().regex(/^AW\d{8,30}$/, 'must be an award number like AW2025071500000001'),
});

/** Corrections of an award: a new version from a month on, proposed and approved by two officers (docs/RULES.md 14.12). */
export const awardCorrectionRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/awards/:awardNo/correction-proposal',
    {
      schema: {
        tags,
        summary: 'The correction of the award waiting for a second officer, or null',
        params,
        response: { 200: z.object({ pending: approval.nullable() }) },
      },
      config: {
        access: accessTo('benefit-awards', 'read-correction', personInParams(app)),
        personalData: { what: 'award correction', persons: 'scope' },
      },
    },
    async (request) => ({
      pending: await app.workflows.pendingAwardCorrection(
        app,
        request.params.personId,
        request.params.awardNo,
      ),
    }),
  );
  server.post(
    '/api/persons/:personId/awards/:awardNo/correction-proposal',
    {
      schema: {
        tags,
        summary:
          'Propose a corrected award (amount, payee account or both) from a month on, with the reason; a second officer approves',
        params,
        headers: idempotencyHeaders.partial(),
        body: awardCorrectionInput,
        response: { 201: approval, 200: approval },
      },
      config: { access: accessTo('benefit-awards', 'propose-correction', personInParams(app)) },
    },
    async (request, reply) => {
      const key = optionalIdempotencyKeyOf(request);
      const proposed = await app.workflows.proposeAwardCorrection(
        app,
        request.params.personId,
        request.params.awardNo,
        request.body,
        request.principal!,
        key,
      );
      return replyProposed(reply, proposed, proposed.approval);
    },
  );
  server.post(
    '/api/persons/:personId/awards/:awardNo/correction-decision',
    {
      schema: {
        tags,
        summary:
          'A second officer approves the correction waiting for the award (its next version is recorded) or rejects it',
        params,
        body: secondPersonDecision,
        response: { 200: approval },
      },
      config: { access: accessTo('benefit-awards', 'decide-correction', personInParams(app)) },
    },
    async (request) =>
      app.workflows.decideAwardCorrection(
        app,
        request.params.personId,
        request.params.awardNo,
        decisionOf(request.body),
        request.principal!,
      ),
  );
};
