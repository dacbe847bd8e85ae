import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { COLLECTION_WRITERS, STAFF_READERS } from '../../http/role-groups.ts';
import { idText } from '../../http/shared.schemas.ts';
import { personScope } from '../../http/scopes.ts';
import { flexibleContribution, type FlexibleContributionDeps } from './flexible-contribution.ts';
import { quoteFlexibleMonth } from './quote-flexible-month.ts';
import {
  changeGradeBody,
  flexibleContributionReply,
  gradeChangeReply,
  gradeText,
} from './flexible-grade.schemas.ts';

const tags = ['registration'];
const params = z.strictObject({ personId: idText });

/**
 * A flexible worker's own grade (60%-300% of the average wage): what it is, what a month costs at another
 * grade (computed here with the assessment's rules, never in the browser), and the change itself.
 */
export const flexibleContributionRoutes: RoutePlugin = (server, app) => {
  const deps: FlexibleContributionDeps = {
    registration: app.registration,
    loadBook: () => app.policy.loadBook(),
    clock: app.clock,
  };
  const scope = (request: FastifyRequest) =>
    personScope(app, (request.params as { personId: number }).personId);
  server.get(
    '/api/persons/:personId/flexible-contribution',
    {
      schema: {
        tags,
        summary:
          "A flexible worker's grade now and from next month, the grades allowed and a month's amount at a grade",
        description:
          '`gradePpm` (600000 = 60% of the average wage, up to 3000000) quotes a month at that grade; ' +
          'without it the quote is for the grade in force. 409 when the person has no open flexible enrolment.',
        params,
        querystring: z.strictObject({ gradePpm: gradeText.optional() }),
        response: { 200: flexibleContributionReply },
      },
      config: {
        access: { roles: [...STAFF_READERS, 'insured_person'], scope },
        personalData: { what: 'flexible contribution grade', persons: 'scope' },
      },
    },
    async (request) => {
      await app.registration.getPerson(request.params.personId);
      return flexibleContribution(deps, request.params.personId, request.query.gradePpm);
    },
  );
  server.post(
    '/api/persons/:personId/flexible-grade',
    {
      schema: {
        tags,
        summary: "Change a flexible worker's grade from next month on",
        description:
          'The enrolment in force ends with the current month and one with the new grade starts the next; ' +
          'repeating the same grade changes nothing (`changed: false`).',
        params,
        body: changeGradeBody,
        response: { 200: gradeChangeReply },
      },
      config: {
        access: { roles: [...COLLECTION_WRITERS, 'insured_person'], scope },
      },
    },
    async (request) => {
      const { personId } = request.params;
      await app.registration.getPerson(personId);
      const change = await app.registration.changeFlexibleGrade({
        personId,
        gradePpm: request.body.gradePpm,
      });
      const { quote } = quoteFlexibleMonth(await app.policy.loadBook(), {
        regionCode: change.enrolment.regionCode,
        period: change.fromPeriod,
        gradePpm: change.enrolment.gradePpm,
      });
      const { regionCode, gradePpm, baseFen, paymentMethod, startPeriod, endPeriod } = change.enrolment;
      return {
        changed: change.changed,
        fromPeriod: change.fromPeriod,
        enrolment: { regionCode, gradePpm, baseFen, paymentMethod, startPeriod, endPeriod },
        quote,
      };
    },
  );
};
