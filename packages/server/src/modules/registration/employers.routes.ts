import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageReply, toPage } from '../../http/pagination.ts';
import { employerInParams, regionInBody, regionInQuery } from '../../http/scopes.ts';
import {
  contributionYearQuery,
  contributionYearReply,
  employerParams,
  listEmployersQuery,
  registerEmployerBody,
} from './employers.schemas.ts';
import { employer, registrationReply } from './records.schemas.ts';
import { employerSearchOf } from './search-terms.ts';

const tags = ['registration'];

/** Employers: registering one, the region's list, one employer and its region's contribution year. */
export const employerRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/employers',
    {
      schema: {
        tags,
        summary: 'Register an employer (SIL Art. 57)',
        body: registerEmployerBody,
        response: { 201: registrationReply },
      },
      config: { access: accessTo('employers', 'register', regionInBody) },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.registerEmployer(request.body)) as unknown as Record<string, unknown>;
    },
  );
  server.get(
    '/api/employers',
    {
      schema: {
        tags,
        summary:
          'Employers registered in a region, by id; `q` finds one by its whole credit code, or those whose name starts with it',
        querystring: listEmployersQuery,
        response: { 200: pageReply(employer) },
      },
      config: { access: accessTo('employers', 'list', regionInQuery) },
    },
    async (request) => {
      const { regionCode, q, cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const size = pageLimit(limit);
      const rows = await app.registration.listEmployers(
        regionCode,
        { afterId: after, limit: size + 1 },
        employerSearchOf(q),
      );
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.get(
    '/api/employers/:employerId',
    {
      schema: {
        tags,
        summary: 'One employer',
        params: employerParams,
        response: { 200: employer },
      },
      config: { access: accessTo('employers', 'read', employerInParams(app)) },
    },
    async (request) => app.registration.getEmployer(request.params.employerId),
  );
  server.get(
    '/api/employers/:employerId/contribution-year',
    {
      schema: {
        tags,
        summary: "The contribution year (缴费年度) of the employer's region that contains a month",
        params: employerParams,
        querystring: contributionYearQuery,
        response: { 200: contributionYearReply },
      },
      config: { access: accessTo('employers', 'read', employerInParams(app)) },
    },
    async (request) => app.registration.contributionYear(request.params.employerId, request.query.period),
  );
};
