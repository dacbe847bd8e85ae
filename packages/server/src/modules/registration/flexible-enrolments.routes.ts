import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { enrolFlexibleBody, enrolFlexibleRules } from './flexible-enrolments.schemas.ts';
import { registrationReply } from './records.schemas.ts';
import { employerOrPersonInBody } from './registration.scopes.ts';

const tags = ['registration'];

/** A flexible worker's enrolment; their grade afterwards is the flexible-grade module's. */
export const flexibleEnrolmentRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/flexible-enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol a flexible worker (own-account contributions)',
        body: enrolFlexibleBody,
        response: { 201: registrationReply },
      },
      config: {
        access: accessTo('flexible-enrolments', 'enrol', employerOrPersonInBody(app)),
        crossFieldRules: enrolFlexibleRules,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.enrolFlexible(request.body)) as unknown as Record<string, unknown>;
    },
  );
};
