import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, optionalIdempotencyKeyOf, replyProposed } from '../../http/idempotency-key.ts';
import { idText } from '../../http/shared.schemas.ts';
import { approval, decisionOf, secondPersonDecision } from '../approvals/index.ts';
import { applicationInParams } from './benefits.scopes.ts';
import { recordCorrectionInput } from './record-correction.schemas.ts';

const tags = ['benefits'];
const params = z.strictObject({ applicationId: idText });

/** Granting a request to correct the record: the changes proposed, then a second officer's decision (docs/RULES.md 14.19). */
export const recordCorrectionRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/applications/:applicationId/correction-proposal',
    {
      schema: {
        tags,
        summary:
          'Propose the changes that correct the record (a base, a spell of employment added or ended) with the reasons; a second officer approves',
        params,
        headers: idempotencyHeaders.partial(),
        body: recordCorrectionInput,
        response: { 201: approval, 200: approval },
      },
      config: {
        access: accessTo('benefit-applications', 'propose-grant', applicationInParams(app)),
      },
    },
    async (request, reply) => {
      const key = optionalIdempotencyKeyOf(request);
      const proposed = await app.workflows.proposeRecordCorrection(
        app,
        request.params.applicationId,
        request.body,
        request.principal!,
        key,
      );
      return replyProposed(reply, proposed, proposed.approval);
    },
  );
  server.post(
    '/api/applications/:applicationId/correction-decision',
    {
      schema: {
        tags,
        summary:
          'A second officer approves the proposed correction (applied, the months reassessed) or rejects it (back to review); approving again once granted finishes a reassessment cut off',
        params,
        body: secondPersonDecision,
        response: { 200: approval },
      },
      config: {
        access: accessTo('benefit-applications', 'decide-grant', applicationInParams(app)),
      },
    },
    async (request) =>
      app.workflows.decideRecordCorrection(
        app,
        request.params.applicationId,
        decisionOf(request.body),
        request.principal!,
      ),
  );
};
