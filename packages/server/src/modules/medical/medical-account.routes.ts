import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { claimView, explanationView } from './claims.schemas.ts';
import { residentEnrolmentInput } from './enrol-resident.ts';

const tags = ['medical'];
const params = z.strictObject({ personId: idText });
const lines = z.object({
  outpatient: z.number().int(),
  inpatient: z.number().int(),
  chronic: z.number().int(),
});
const enrolmentView = z.object({
  personId: z.number().int(),
  year: z.number().int(),
  paidOn: z.string(),
  amountFen: z.number().int(),
  gapYears: z.number().int(),
  repairedYears: z.number().int(),
  coveredFrom: z.string(),
  explanation: explanationView,
});

const medicalAccountView = z.object({
  personId: z.number().int(),
  balanceFen: z.number().int(),
  movements: z.array(
    z.object({
      kind: z.enum([
        'contribution',
        'interest',
        'reversal',
        'medical-spending',
        'medical-refund',
        'retiree-credit',
      ]),
      period: z.string(),
      amountFen: z.number().int(),
      claimNo: z.string().nullable(),
      institutionName: z.string().nullable(),
      visitDate: z.string().nullable(),
    }),
  ),
  year: z.object({
    year: z.number().int(),
    claims: z.number().int(),
    deductibleUsedFen: lines,
    pooledFen: lines,
    pooledTotalFen: z.number().int(),
  }),
  claims: z.array(claimView),
  enrolments: z.array(enrolmentView),
});

/**
 * A person's medical side (docs/RULES.md 16.4, 16.5): the personal account with every credit and spending,
 * the year's totals, the claims and what the fund paid, and the residents' enrolments with their waiting
 * periods; staff take a resident's yearly enrolment at the counter.
 */
export const medicalAccountRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/medical-account',
    {
      schema: {
        tags,
        summary: 'The medical personal account, the year’s totals, the claims and the residents’ enrolments',
        params,
        querystring: z.strictObject({
          year: z
            .string()
            .regex(/^\d{4}$/, 'must be a year')
            .transform(Number)
            .optional(),
        }),
        response: { 200: medicalAccountView },
      },
      config: {
        access: accessTo('medical-account', 'read', personInParams(app)),
        personalData: { what: 'medical account and claims', persons: 'scope' },
      },
    },
    async (request) => {
      const personId = request.params.personId;
      const account = await app.medical.readMedicalAccount(personId, {
        ...(request.query.year ? { year: request.query.year } : {}),
        limit: 100,
      });
      return { ...account, enrolments: await app.medical.residentEnrolments(personId) };
    },
  );
  server.post(
    '/api/persons/:personId/resident-enrolments',
    {
      schema: {
        tags,
        summary:
          'Enrol a resident in the residents’ medical scheme for a year, with the waiting period it leaves',
        params,
        body: residentEnrolmentInput,
        response: { 201: enrolmentView, 200: enrolmentView },
      },
      config: { access: accessTo('resident-enrolments', 'record', personInParams(app)) },
    },
    async (request, reply) => {
      const outcome = await app.medical.enrolResident(
        request.params.personId,
        request.body,
        request.principal!.loginKey,
      );
      reply.status(outcome.replayed ? 200 : 201);
      return outcome.enrolment;
    },
  );
};
