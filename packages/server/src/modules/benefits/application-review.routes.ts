import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, optionalIdempotencyKeyOf, replyProposed } from '../../http/idempotency-key.ts';
import { idText } from '../../http/shared.schemas.ts';
import { approval, decisionOf, secondPersonDecision } from '../approvals/index.ts';
import { actorOf } from './applications.routes.ts';
import { applicationView, awardProposalInput, noteInput, refusalInput } from './applications.schemas.ts';
import { applicationInParams } from './benefits.scopes.ts';

const tags = ['benefits'];
const params = z.strictObject({ applicationId: idText });

/** A benefits officer's review: material, refusal, the award proposed and decided by a second officer (docs/RULES.md 14.4). */
export const applicationReviewRoutes: RoutePlugin = (server, app) => {
  const review = () => accessTo('benefit-applications', 'review', applicationInParams(app));
  server.post(
    '/api/applications/:applicationId/material-requests',
    {
      schema: {
        tags,
        summary: 'Ask for missing material: the clock stops until it arrives',
        params,
        body: noteInput,
        response: { 200: applicationView },
      },
      config: { access: review() },
    },
    async (request) =>
      app.benefits.requestMaterial(
        request.params.applicationId,
        request.body.note,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/applications/:applicationId/material-received',
    {
      schema: {
        tags,
        summary: 'Record that the material asked for has come: the clock runs again',
        params,
        body: noteInput,
        response: { 200: applicationView },
      },
      config: { access: review() },
    },
    async (request) =>
      app.benefits.recordMaterialReceived(
        request.params.applicationId,
        request.body.note,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/applications/:applicationId/refusal',
    {
      schema: {
        tags,
        summary: 'Refuse the application, each reason with its legal source',
        params,
        body: refusalInput,
        response: { 200: applicationView },
      },
      config: { access: review() },
    },
    async (request) =>
      app.benefits.refuse(request.params.applicationId, request.body.reasons, actorOf(request.principal!)),
  );
  server.post(
    '/api/applications/:applicationId/award-proposal',
    {
      schema: {
        tags,
        summary:
          'Propose the award as the record gives it, with the deemed months confirmed and their evidence; a second officer approves',
        params,
        headers: idempotencyHeaders.partial(),
        body: awardProposalInput,
        response: { 201: approval, 200: approval },
      },
      config: { access: accessTo('benefit-applications', 'propose-award', applicationInParams(app)) },
    },
    async (request, reply) => {
      const key = optionalIdempotencyKeyOf(request);
      const proposed = await app.workflows.proposeBenefitAward(
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
    '/api/applications/:applicationId/award-decision',
    {
      schema: {
        tags,
        summary:
          'A second officer approves the proposed award (it is recorded) or rejects it (back to review)',
        params,
        body: secondPersonDecision,
        response: { 200: approval },
      },
      config: { access: accessTo('benefit-applications', 'decide-award', applicationInParams(app)) },
    },
    async (request) =>
      app.workflows.decideBenefitAward(
        app,
        request.params.applicationId,
        decisionOf(request.body),
        request.principal!,
      ),
  );
};
