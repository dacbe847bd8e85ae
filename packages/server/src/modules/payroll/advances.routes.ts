import { maskResidentId } from '@shebao/domain';
import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { accessTo } from '../../http/access-rules.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { advanceRepaymentInput } from './advances.ts';

const tags = ['payroll'];

const employerAdvancesView = z.object({
  employerId: z.number().int(),
  claimedFen: z.number().int(),
  repaidFen: z.number().int(),
  owedFen: z.number().int(),
  claims: z.array(
    z.object({
      personId: z.number().int(),
      personName: z.string(),
      idNumberMasked: z.string(),
      period: z.string(),
      amountFen: z.number().int(),
    }),
  ),
  repayments: z.array(
    z.object({ amountFen: z.number().int(), receivedOn: z.string(), bankReference: z.string() }),
  ),
});

/** A repayment recorded: what the employer owes now, and whether the same transfer was recorded before. */
const repaymentReply = z.object({
  claimedFen: z.number().int(),
  repaidFen: z.number().int(),
  owedFen: z.number().int(),
  replayed: z.boolean(),
});

/**
 * The benefits the work-injury fund advanced for an employer that had not insured its injured employee, and
 * its repayments (WIIR Art. 62; docs/RULES.md 15.22): read by the employer and staff, recorded by officers.
 */
export const advancesRoutes: RoutePlugin = (server, app) => {
  const params = z.strictObject({ employerId: idText });
  server.get(
    '/api/employers/:employerId/advances',
    {
      schema: {
        tags,
        summary: 'What the work-injury fund advanced for the employer, what it repaid and what it owes',
        params,
        response: { 200: employerAdvancesView },
      },
      config: {
        access: accessTo('employer-advances', 'read', employerInParams(app)),
        personalData: { what: 'benefits advanced for employees', persons: 'handler' },
      },
    },
    async (request) => {
      const advances = await app.payroll.employerAdvances(request.params.employerId);
      const people = new Map<number, { name: string; idNumber: string }>();
      for (const claim of advances.claims)
        if (!people.has(claim.personId))
          people.set(claim.personId, await app.registration.getPerson(claim.personId));
      markPersonsRead(request, [...people.keys()]);
      return {
        ...advances,
        claims: advances.claims.map((claim) => ({
          ...claim,
          personName: people.get(claim.personId)!.name,
          idNumberMasked: maskResidentId(people.get(claim.personId)!.idNumber),
        })),
      };
    },
  );
  server.post(
    '/api/employers/:employerId/advance-repayments',
    {
      schema: {
        tags,
        summary: 'Record what the employer repaid of the advances (once per bank reference)',
        params,
        body: advanceRepaymentInput,
        response: { 201: repaymentReply, 200: repaymentReply },
      },
      config: { access: accessTo('employer-advances', 'record-repayment', employerInParams(app)) },
    },
    async (request, reply) => {
      const { advances, replayed } = await app.payroll.recordAdvanceRepayment(
        request.params.employerId,
        request.body,
        request.principal!.loginKey,
      );
      reply.status(replayed ? 200 : 201);
      return {
        claimedFen: advances.claimedFen,
        repaidFen: advances.repaidFen,
        owedFen: advances.owedFen,
        replayed,
      };
    },
  );
};
