import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idText } from '../../http/shared.schemas.ts';
import { decisionReason } from './applications.schemas.ts';
import { applicationInParams } from './benefits.scopes.ts';

const fen = z.number().int();

/** A claim worked out: what the award would pay, each part explained, or why nothing is owed. */
export const claimAssessmentReply = z.object({
  eligible: z.boolean(),
  reasons: z.array(decisionReason),
  fund: z.enum(['pension', 'medical', 'unemployment', 'work_injury']).optional(),
  monthlyFen: fen.optional(),
  validFrom: z.string().optional(),
  lastMonth: z.string().optional(),
  laterSteps: z.array(z.object({ validFrom: z.string(), monthlyFen: fen, reason: z.string() })).optional(),
  oneTimePayments: z
    .array(
      z.object({
        kind: z.string(),
        amountFen: fen,
        payeeName: z.string(),
        accountMasked: z.string(),
        reason: z.string(),
      }),
    )
    .optional(),
  explanation: z.record(z.string(), z.unknown()).optional(),
  reason: z.string().optional(),
  decisionSource: z.string().optional(),
});

/** Claims of work-injury benefits, unemployment and maternity (docs/RULES.md 15.17–15.19). */
export const claimRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/applications/:applicationId/claim-assessment',
    {
      schema: {
        tags: ['benefits'],
        summary:
          'A claim of work-injury benefits, unemployment or maternity as the record and the region’s policy give it: what an award would pay, every part explained, or why nothing is owed',
        params: z.strictObject({ applicationId: idText }),
        response: { 200: claimAssessmentReply },
      },
      config: {
        access: accessTo('benefit-applications', 'read', applicationInParams(app)),
        personalData: { what: 'claim assessment', persons: 'scope' },
      },
    },
    async (request) => {
      const assessment = await app.workflows.assessBenefitClaim(app, request.params.applicationId);
      if (!assessment.eligible) return assessment;
      return {
        ...assessment,
        oneTimePayments: assessment.oneTimePayments.map(({ payee, ...payment }) => ({
          ...payment,
          accountMasked: `****${payee.account.slice(-4)}`,
        })),
      };
    },
  );
};
