import { regionCodePrefix } from '@shebao/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { optionalIdempotencyKeyOf, replyProposed } from '../../http/idempotency-key.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { regionInBody, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import { explanationView } from './claims.schemas.ts';
import { findingInput } from './findings.ts';

const tags = ['medical'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');
const RULES = [
  'same-item-twice',
  'split-hospitalisation',
  'after-death',
  'two-places',
  'above-norm',
] as const;

const reviewView = z.object({
  id: z.number().int(),
  rule: z.enum(RULES),
  detail: z.string(),
  flaggedOn: z.string(),
  status: z.enum(['open', 'cleared', 'finding']),
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  claim: z.object({
    claimNo: z.string(),
    kind: z.string(),
    visitDate: z.string(),
    totalFen: z.number().int(),
    pooledFen: z.number().int(),
    accountFen: z.number().int(),
  }),
  institution: z.object({ id: z.number().int(), name: z.string() }),
  person: z.object({ id: z.number().int(), name: z.string(), idNumberMasked: z.string() }),
});

const findingView = z.object({
  findingNo: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  subject: z.enum(['institution', 'person']),
  institutionId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  regionCode: z.string(),
  article: z.string(),
  description: z.string(),
  claimNos: z.array(z.string()),
  lossFen: z.number().int(),
  multiplePpm: z.number().int(),
  fineFen: z.number().int(),
  suspensionMonths: z.number().int(),
  suspendedFrom: z.string().nullable(),
  suspendedUntil: z.string().nullable(),
  terminate: z.boolean(),
  explanation: explanationView,
  approvalId: z.number().int().nullable(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

/** The region a flag or a finding belongs to, for the access check. */
const flagInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const regionCode = await app.medical.regionOfFlag((request.params as { flagId: number }).flagId);
    return regionCode === undefined ? {} : { regionCode };
  };
const flagsInBody =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const ids = (request.body as { flagIds: number[] }).flagIds;
    const regions = await Promise.all(ids.map((id) => app.medical.regionOfFlag(id)));
    const known = regions.filter((code): code is string => code !== undefined);
    return known.length ? { regionCodes: [...new Set(known)] } : {};
  };
const findingInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const finding = await app.medical.getFinding((request.params as { findingNo: string }).findingNo);
    return finding ? { regionCode: finding.regionCode } : {};
  };

/** Supervision of the medical fund (docs/RULES.md 16.7): the scan, the review queue, findings and penalties. */
export const medicalSupervisionRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/medical/reviews/scan',
    {
      schema: {
        tags,
        summary: 'Run the supervision rules over the claims of the region settled in a span of days',
        body: z.strictObject({ regionCode: regionCodeText, from: date, to: date }),
        response: {
          200: z.object({
            regionCode: z.string(),
            from: z.string(),
            to: z.string(),
            caught: z.record(z.enum(RULES), z.number().int()),
            flagged: z.number().int(),
          }),
        },
      },
      config: { access: accessTo('medical-reviews', 'scan', regionInBody) },
    },
    async (request) => app.medical.scanClaims(request.body),
  );
  server.get(
    '/api/medical/reviews',
    {
      schema: {
        tags,
        summary: 'The review queue: claims the rules flagged, open, cleared or turned into findings',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          status: z.enum(['open', 'cleared', 'finding']).optional(),
          afterId: idText.optional(),
        }),
        response: { 200: z.object({ items: z.array(reviewView) }) },
      },
      config: {
        access: accessTo('medical-reviews', 'list', regionInQuery),
        personalData: { what: 'medical claims under review', persons: 'handler' },
      },
    },
    async (request) => {
      const items = await app.medical.listReviews({
        regionPrefix: regionCodePrefix(request.query.regionCode),
        ...(request.query.status ? { status: request.query.status } : {}),
        ...(request.query.afterId ? { afterId: request.query.afterId } : {}),
        limit: 100,
      });
      markPersonsRead(
        request,
        items.map((item) => item.person.id),
      );
      return { items };
    },
  );
  server.post(
    '/api/medical/reviews/:flagId/clearance',
    {
      schema: {
        tags,
        summary: 'Clear a flagged claim: looked at and found in order',
        params: z.strictObject({ flagId: idText }),
        body: z.strictObject({ note: z.string().trim().min(2, 'say what was checked').max(500) }),
        response: { 200: reviewView },
      },
      config: { access: accessTo('medical-reviews', 'clear', flagInParams(app)) },
    },
    async (request) =>
      app.medical.clearReview(request.params.flagId, request.body.note, request.principal!.loginKey),
  );
  server.post(
    '/api/medical/findings',
    {
      schema: {
        tags,
        summary: 'Propose a finding over flagged claims with its penalty, for a second officer to approve',
        body: findingInput,
        response: { 201: findingView, 200: findingView },
      },
      config: { access: accessTo('medical-findings', 'propose', flagsInBody(app)) },
    },
    async (request, reply) => {
      const outcome = await app.workflows.proposeMedicalFinding(
        app,
        request.body,
        request.principal!,
        optionalIdempotencyKeyOf(request),
      );
      return replyProposed(reply, outcome, outcome.finding);
    },
  );
  server.get(
    '/api/medical/findings',
    {
      schema: {
        tags,
        summary: 'The findings of the region with their penalties, newest first',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          status: z.enum(['proposed', 'approved', 'rejected']).optional(),
        }),
        response: { 200: z.object({ items: z.array(findingView) }) },
      },
      config: {
        access: accessTo('medical-findings', 'list', regionInQuery),
        personalData: { what: 'medical findings against persons', persons: 'handler' },
      },
    },
    async (request) => {
      const items = await app.medical.listFindings({
        regionPrefix: regionCodePrefix(request.query.regionCode),
        ...(request.query.status ? { status: request.query.status } : {}),
        limit: 100,
      });
      markPersonsRead(
        request,
        items.map((item) => item.personId),
      );
      return { items };
    },
  );
  server.post(
    '/api/medical/findings/:findingNo/decision',
    {
      schema: {
        tags,
        summary: 'A second officer approves the finding (its penalty applies) or rejects it',
        params: z.strictObject({ findingNo: z.string().regex(/^MF\d{14}$/, 'is not a finding number') }),
        body: z.strictObject({ approve: z.boolean(), note: z.string().trim().max(500).optional() }),
        response: { 200: findingView },
      },
      config: { access: accessTo('medical-findings', 'decide', findingInParams(app)) },
    },
    async (request) =>
      app.workflows.decideMedicalFinding(
        app,
        request.params.findingNo,
        { approve: request.body.approve, ...(request.body.note ? { note: request.body.note } : {}) },
        request.principal!,
      ),
  );
};
