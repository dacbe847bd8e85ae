import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageReply, toPage } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { personInParams, regionInBody, regionInQuery } from '../../http/scopes.ts';
import {
  listPersonsQuery,
  personEmploymentsReply,
  personListItem,
  personParams,
  registerPersonBody,
  toPersonListItem,
} from './persons.schemas.ts';
import { person, registrationReply } from './records.schemas.ts';
import { personSearchOf } from './search-terms.ts';

const tags = ['registration'];

/** Insured persons: registering one, the region's list, one person's record and their employments. */
export const personRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/persons',
    {
      schema: {
        tags,
        summary: 'Register an insured person (SIL Art. 58)',
        body: registerPersonBody,
        response: { 201: registrationReply },
      },
      config: { access: accessTo('persons', 'register', regionInBody) },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.registerPerson(request.body)) as unknown as Record<string, unknown>;
    },
  );
  server.get(
    '/api/persons',
    {
      schema: {
        tags,
        summary:
          'Persons registered in a region, by id, identity numbers masked; `q` finds one by its whole identity number, or those whose name starts with it',
        querystring: listPersonsQuery,
        response: { 200: pageReply(personListItem) },
      },
      config: {
        access: accessTo('persons', 'list', regionInQuery),
        personalData: { what: 'person search', persons: 'handler' },
      },
    },
    async (request) => {
      const { regionCode, q, cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const size = pageLimit(limit);
      const rows = await app.registration.listPersons(regionCode, personSearchOf(q), {
        ...(after === undefined ? {} : { afterId: after }),
        limit: size + 1,
      });
      markPersonsRead(
        request,
        rows.slice(0, size).map((row) => row.id),
      );
      return toPage(rows, size, (row) => [row.id], toPersonListItem);
    },
  );
  server.get(
    '/api/persons/:personId',
    {
      schema: {
        tags,
        summary: "One person's record",
        params: personParams,
        response: { 200: person },
      },
      config: {
        access: accessTo('persons', 'read', personInParams(app)),
        personalData: { what: 'person record', persons: 'scope' },
      },
    },
    async (request) => app.registration.getPerson(request.params.personId),
  );
  server.get(
    '/api/persons/:personId/employments',
    {
      schema: {
        tags,
        summary: "A person's employments",
        params: personParams,
        response: { 200: personEmploymentsReply },
      },
      config: {
        access: accessTo('persons', 'read', personInParams(app)),
        personalData: { what: 'employments', persons: 'scope' },
      },
    },
    async (request) => {
      await app.registration.getPerson(request.params.personId);
      return { items: await app.registration.listPersonEmployments(request.params.personId) };
    },
  );
};
