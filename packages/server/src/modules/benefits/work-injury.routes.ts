import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idText } from '../../http/shared.schemas.ts';
import { actorOf } from './applications.routes.ts';
import { applicationView, noteInput } from './applications.schemas.ts';
import { applicationInParams } from './benefits.scopes.ts';
import { identificationInput } from './identify-injury.ts';
import { appraisalInput } from './record-appraisal.ts';
import { stoppagePeriodInput } from './record-stoppage-period.ts';

const tags = ['benefits'];
const params = z.strictObject({ applicationId: idText });

export const appraisalView = z.object({
  id: z.number().int(),
  kind: z.enum(['initial', 're-appraisal', 'review']),
  grade: z.number().int().nullable(),
  nursing: z.enum(['none', 'full', 'most', 'part']),
  requestedOn: z.string(),
  concludedOn: z.string(),
  committeeRef: z.string(),
  reappraisalUntil: z.string(),
  reviewFrom: z.string(),
});

const stoppagePeriodView = z.object({
  id: z.number().int(),
  kind: z.enum(['initial', 'extension']),
  startsOn: z.string(),
  endsOn: z.string(),
  months: z.number().int(),
  committeeRef: z.string().nullable(),
});

/** Work-injury identification and appraisal (docs/RULES.md 15.15, 15.16): a benefits officer's steps, read by the person too. */
export const workInjuryRoutes: RoutePlugin = (server, app) => {
  const review = () => accessTo('benefit-applications', 'review', applicationInParams(app));
  server.post(
    '/api/applications/:applicationId/clear-case',
    {
      schema: {
        tags,
        summary:
          'Mark a work-injury identification a clear case: the decision is due within 15 days (WIIR Art. 20)',
        params,
        response: { 200: applicationView },
      },
      config: { access: review() },
    },
    async (request) => app.benefits.markClearCase(request.params.applicationId, actorOf(request.principal!)),
  );
  server.post(
    '/api/applications/:applicationId/identification',
    {
      schema: {
        tags,
        summary:
          'Identify the injury as a work injury, with the reasons; the employer’s lateness and insurance are found from the record',
        params,
        body: identificationInput,
        response: { 200: applicationView },
      },
      config: { access: review() },
    },
    async (request) =>
      app.benefits.identifyInjury(request.params.applicationId, request.body, actorOf(request.principal!)),
  );
  server.get(
    '/api/applications/:applicationId/appraisals',
    {
      schema: {
        tags,
        summary:
          'The labour-capability appraisals of an identified injury, with the windows for a re-appraisal and a review',
        params,
        response: { 200: z.array(appraisalView) },
      },
      config: {
        access: accessTo('benefit-applications', 'read', applicationInParams(app)),
        personalData: { what: 'injury appraisals', persons: 'scope' },
      },
    },
    async (request) => app.benefits.appraisals(request.params.applicationId),
  );
  server.post(
    '/api/applications/:applicationId/reappraisal-request',
    {
      schema: {
        tags,
        summary:
          'Ask for a re-appraisal of the latest conclusion, within 15 days of it (WIIR Art. 26), saying why',
        params,
        body: noteInput,
        response: { 200: z.array(appraisalView) },
      },
      config: {
        access: accessTo('benefit-applications', 'request-reappraisal', applicationInParams(app)),
      },
    },
    async (request) =>
      app.benefits.requestReappraisal(
        request.params.applicationId,
        request.body.note,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/applications/:applicationId/appraisals',
    {
      schema: {
        tags,
        summary: 'Record the appraisal committee’s conclusion: the grade and the nursing level',
        params,
        body: appraisalInput,
        response: { 200: z.array(appraisalView) },
      },
      config: { access: review() },
    },
    async (request) =>
      app.benefits.recordAppraisal(request.params.applicationId, request.body, actorOf(request.principal!)),
  );
  server.get(
    '/api/applications/:applicationId/stoppage-periods',
    {
      schema: {
        tags,
        summary: 'The stoppage period with pay of an identified injury and its extensions (WIIR Art. 33)',
        params,
        response: { 200: z.array(stoppagePeriodView) },
      },
      config: {
        access: accessTo('benefit-applications', 'read', applicationInParams(app)),
        personalData: { what: 'injury stoppage periods', persons: 'scope' },
      },
    },
    async (request) => app.benefits.stoppagePeriods(request.params.applicationId),
  );
  server.post(
    '/api/applications/:applicationId/stoppage-periods',
    {
      schema: {
        tags,
        summary:
          'Record the stoppage period with pay (up to 12 months) or an extension the appraisal committee confirmed (up to 12 more)',
        params,
        body: stoppagePeriodInput,
        response: { 200: z.array(stoppagePeriodView) },
      },
      config: { access: review() },
    },
    async (request) =>
      app.benefits.recordStoppagePeriod(
        request.params.applicationId,
        request.body,
        actorOf(request.principal!),
      ),
  );
};
