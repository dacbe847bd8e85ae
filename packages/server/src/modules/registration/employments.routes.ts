import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerInParams } from '../../http/scopes.ts';
import {
  employerStaffParams,
  employerStaffQuery,
  employerStaffReply,
  hireBody,
  hireRules,
  leaveBody,
  leaveRules,
} from './employments.schemas.ts';
import { registrationReply } from './records.schemas.ts';
import { employerOrPersonInBody } from './registration.scopes.ts';

const tags = ['registration'];

/** Employments: an employer's staff list, a hire (增员) and a leave (减员). */
export const employmentRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/employers/:employerId/employments',
    {
      schema: {
        tags,
        summary: "An employer's staff: employments with names and masked identity numbers",
        params: employerStaffParams,
        querystring: employerStaffQuery,
        response: { 200: employerStaffReply },
      },
      config: {
        access: accessTo('employer-staff', 'read', employerInParams(app)),
        personalData: { what: 'staff list (employments)', persons: 'handler' },
      },
    },
    async (request) => {
      const { activeOn } = request.query;
      const items = await app.registration.listEmployerStaff(
        request.params.employerId,
        activeOn ? { activeOn } : {},
      );
      markPersonsRead(
        request,
        items.map((item) => item.personId),
      );
      return { items };
    },
  );
  server.post(
    '/api/hires',
    {
      schema: {
        tags,
        summary: 'Hire a person (or take them over from another region)',
        body: hireBody,
        response: { 201: registrationReply },
      },
      config: {
        access: accessTo('employments', 'change', employerOrPersonInBody(app)),
        crossFieldRules: hireRules,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.workflows.hireEmployee(app, request.body)) as unknown as Record<string, unknown>;
    },
  );
  server.post(
    '/api/leaves',
    {
      schema: {
        tags,
        summary: 'Record that an employment ended',
        body: leaveBody,
        response: { 201: registrationReply },
      },
      config: {
        access: accessTo('employments', 'change', employerOrPersonInBody(app)),
        crossFieldRules: leaveRules,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.leave(request.body)) as unknown as Record<string, unknown>;
    },
  );
};
