import { regionCodePrefix } from '@shebao/domain';
import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { institutionInParams, regionInBody, regionInQuery } from '../../http/scopes.ts';
import { pageQuery } from '../../http/pagination.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import {
  agreementStandingInput,
  institutionView,
  newAgreementInput,
  newInstitutionInput,
} from './institutions.schemas.ts';

const tags = ['medical'];
const params = z.strictObject({ institutionId: idText });

/** Designated institutions and pharmacies and their service agreements (docs/RULES.md 16.1). */
export const institutionRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/medical/institutions',
    {
      schema: {
        tags,
        summary: 'The designated institutions and pharmacies of a region (a province covers its cities)',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          afterId: idText.optional(),
          limit: pageQuery.limit,
        }),
        response: { 200: z.object({ items: z.array(institutionView) }) },
      },
      config: { access: accessTo('medical-institutions', 'list', regionInQuery) },
    },
    async (request) => ({
      items: await app.medical.listInstitutions(regionCodePrefix(request.query.regionCode), {
        afterId: request.query.afterId ?? 0,
        limit: request.query.limit ?? 50,
      }),
    }),
  );
  server.post(
    '/api/medical/institutions',
    {
      schema: {
        tags,
        summary: 'Register a designated medical institution or retail pharmacy',
        body: newInstitutionInput,
        response: { 201: institutionView },
      },
      config: { access: accessTo('medical-institutions', 'register', regionInBody) },
    },
    async (request, reply) => {
      reply.status(201);
      return app.medical.registerInstitution(request.body, request.principal!.loginKey);
    },
  );
  server.get(
    '/api/medical/institutions/:institutionId',
    {
      schema: {
        tags,
        summary: 'An institution with its agreements and their history',
        params,
        response: { 200: institutionView },
      },
      config: { access: accessTo('medical-institutions', 'read', institutionInParams(app)) },
    },
    async (request) => app.medical.getInstitution(request.params.institutionId),
  );
  server.post(
    '/api/medical/institutions/:institutionId/agreements',
    {
      schema: {
        tags,
        summary: 'Sign a service agreement with the institution (SIL Art. 31)',
        params,
        body: newAgreementInput,
        response: { 201: institutionView },
      },
      config: { access: accessTo('medical-institutions', 'sign-agreement', institutionInParams(app)) },
    },
    async (request, reply) => {
      reply.status(201);
      return app.medical.signAgreement(
        request.params.institutionId,
        request.body,
        request.principal!.loginKey,
      );
    },
  );
  server.post(
    '/api/medical/institutions/:institutionId/agreements/:agreementId/standing',
    {
      schema: {
        tags,
        summary: 'Suspend, end or restore an agreement from a day, with the reason and its legal basis',
        params: z.strictObject({ institutionId: idText, agreementId: idText }),
        body: agreementStandingInput,
        response: { 200: institutionView },
      },
      config: { access: accessTo('medical-institutions', 'change-agreement', institutionInParams(app)) },
    },
    async (request) =>
      app.medical.changeAgreementStanding(
        request.params.institutionId,
        request.params.agreementId,
        request.body,
        request.principal!.loginKey,
      ),
  );
};
