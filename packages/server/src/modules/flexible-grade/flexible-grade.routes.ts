import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idText } from '../../http/shared.schemas.ts';
import { personInParams } from '../../http/scopes.ts';
import { changeGrade } from './change-grade.ts';
import { flexibleContribution, type FlexibleContributionDeps } from './flexible-contribution.ts';
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
        access: accessTo('flexible-grade', 'read', personInParams(app)),
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
      config: { access: accessTo('flexible-grade', 'change', personInParams(app)) },
    },
    async (request) =>
      changeGrade(
        { registration: app.registration, loadBook: () => app.policy.loadBook() },
        request.params.personId,
        request.body.gradePpm,
      ),
  );
};
