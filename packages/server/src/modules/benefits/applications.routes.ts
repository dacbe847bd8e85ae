import { maskResidentId } from '@shebao/domain';
import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery } from '../../http/pagination.ts';
import { employerInParams, personInParams, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import type { Principal } from '../auth/index.ts';
import {
  applicationView,
  employerApplicationInput,
  employerApplicationView,
  newApplicationInput,
  pensionAssessmentReply,
} from './applications.schemas.ts';
import type { Actor } from './benefits-deps.ts';
import { applicationInParams } from './benefits.scopes.ts';

const tags = ['benefits'];

/** Who acts, as the application's events record them. */
export function actorOf(principal: Principal): Actor {
  return {
    login: principal.loginKey,
    side: principal.kind === 'person' ? 'person' : principal.kind === 'employer' ? 'employer' : 'staff',
  };
}

const STATES = ['under-review', 'awaiting-material', 'proposed', 'decided', 'withdrawn'] as const;

/** Applications for benefits: filing, the person's list, the staff queue, one application (docs/RULES.md 14.1). */
export const applicationRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/persons/:personId/applications',
    {
      schema: {
        tags,
        summary:
          'File an application for a benefit, or to correct the record, as the person or at the counter',
        params: z.strictObject({ personId: idText }),
        body: newApplicationInput,
        response: { 201: applicationView },
      },
      config: { access: accessTo('benefit-applications', 'file', personInParams(app)) },
    },
    async (request, reply) => {
      reply.status(201);
      return app.benefits.file(
        { personId: request.params.personId, application: request.body },
        actorOf(request.principal!),
      );
    },
  );
  server.post(
    '/api/employers/:employerId/applications',
    {
      schema: {
        tags,
        summary: 'File an application on behalf of one of the employer’s employees',
        params: z.strictObject({ employerId: idText }),
        body: employerApplicationInput,
        response: { 201: applicationView },
      },
      config: { access: accessTo('benefit-applications', 'file-for-employee', employerInParams(app)) },
    },
    async (request, reply) => {
      const { personId, ...application } = request.body;
      reply.status(201);
      return app.benefits.file(
        { personId, employerId: request.params.employerId, application },
        actorOf(request.principal!),
      );
    },
  );
  server.get(
    '/api/employers/:employerId/applications',
    {
      schema: {
        tags,
        summary:
          'The applications the employer filed for its employees (injuries, maternity, pensions), newest first, with their clocks',
        params: z.strictObject({ employerId: idText }),
        querystring: z.strictObject({ ...pageQuery }),
        response: {
          200: z.object({ items: z.array(employerApplicationView), nextCursor: z.string().nullable() }),
        },
      },
      config: {
        access: accessTo('benefit-applications', 'read-employer', employerInParams(app)),
        personalData: { what: 'applications filed for employees', persons: 'handler' },
      },
    },
    async (request) => {
      const limit = pageLimit(request.query.limit);
      const beforeId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const items = await app.benefits.listForEmployer({
        employerId: request.params.employerId,
        limit: limit + 1,
        ...(beforeId === undefined ? {} : { beforeId }),
      });
      const page = items.slice(0, limit);
      const people = new Map<number, { name: string; idNumber: string }>();
      for (const item of page)
        if (!people.has(item.personId))
          people.set(item.personId, await app.registration.getPerson(item.personId));
      markPersonsRead(
        request,
        page.map((item) => item.personId),
      );
      return {
        items: page.map((item) => {
          const person = people.get(item.personId)!;
          return {
            ...item,
            personName: person.name,
            idNumberMasked: maskResidentId(person.idNumber),
          };
        }),
        nextCursor: items.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      };
    },
  );
  server.get(
    '/api/persons/:personId/applications',
    {
      schema: {
        tags,
        summary: 'A person’s applications with their state, clock and decision, newest first',
        params: z.strictObject({ personId: idText }),
        response: { 200: z.object({ items: z.array(applicationView) }) },
      },
      config: {
        access: accessTo('benefit-applications', 'read', personInParams(app)),
        personalData: { what: 'applications', persons: 'scope' },
      },
    },
    async (request) => ({ items: await app.benefits.listForPerson(request.params.personId) }),
  );
  server.get(
    '/api/applications',
    {
      schema: {
        tags,
        summary: 'The region’s applications in the given states (open ones by default) with their clocks',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          state: z.enum(STATES).optional(),
          ...pageQuery,
        }),
        response: {
          200: z.object({ items: z.array(applicationView), nextCursor: z.string().nullable() }),
        },
      },
      config: {
        access: accessTo('benefit-applications', 'list-region', regionInQuery),
        personalData: { what: 'application queue', persons: 'handler' },
      },
    },
    async (request) => {
      const limit = pageLimit(request.query.limit);
      const afterId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const states = request.query.state
        ? [request.query.state]
        : (['under-review', 'awaiting-material', 'proposed'] as const);
      const items = await app.benefits.queue({
        regionCode: request.query.regionCode,
        states,
        limit: limit + 1,
        ...(afterId === undefined ? {} : { afterId }),
      });
      const page = items.slice(0, limit);
      markPersonsRead(
        request,
        page.map((item) => item.personId),
      );
      return {
        items: page,
        nextCursor: items.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      };
    },
  );
  server.get(
    '/api/applications/:applicationId',
    {
      schema: {
        tags,
        summary: 'One application: facts, documents, what happened, its clock and its decision',
        params: z.strictObject({ applicationId: idText }),
        response: { 200: applicationView },
      },
      config: {
        access: accessTo('benefit-applications', 'read', applicationInParams(app)),
        personalData: { what: 'application', persons: 'scope' },
      },
    },
    async (request) => app.benefits.get(request.params.applicationId),
  );
  server.get(
    '/api/applications/:applicationId/pension-assessment',
    {
      schema: {
        tags,
        summary:
          'The pension as the record gives it: eligibility, contribution months, index, every part explained',
        params: z.strictObject({ applicationId: idText }),
        querystring: z.strictObject({
          deemedMonths: z.coerce.number().int('must be a whole number').min(0).max(600).default(0),
        }),
        response: { 200: pensionAssessmentReply },
      },
      config: {
        access: accessTo('benefit-applications', 'read', applicationInParams(app)),
        personalData: { what: 'pension assessment', persons: 'scope' },
      },
    },
    async (request) => {
      const assessment = await app.benefits.assessPension(
        request.params.applicationId,
        request.query.deemedMonths,
      );
      return { ...assessment, outcome: { ...assessment.outcome } };
    },
  );
  server.post(
    '/api/applications/:applicationId/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw an application that is still open',
        params: z.strictObject({ applicationId: idText }),
        response: { 200: applicationView },
      },
      config: { access: accessTo('benefit-applications', 'withdraw', applicationInParams(app)) },
    },
    async (request) => app.benefits.withdraw(request.params.applicationId, actorOf(request.principal!)),
  );
};
