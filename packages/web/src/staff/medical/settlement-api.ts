import { api } from '../../api/client.ts';
import type { Reply } from '../../medical/medical-api.ts';
import { dataOf } from '../api-data.ts';

/*
 * The calls of the month's settlement with the designated institutions (docs/RULES.md 16.6) and of the
 * retirees' monthly medical account credits (16.4): batches the medical officers run once a month, and the
 * statements they draw, which the agency and each institution read.
 */

export type MonthSettlement = Reply<'/api/medical/settlements', 'post', 201>;
export type Statement = MonthSettlement['statements'][number];
export type StatementLedger = Statement['ledger'];
export type RetireeCreditRun = Reply<'/api/medical/retiree-credits', 'post', 200>;

export const settlementKeys = {
  period: (regionCode: string, period: string) => ['medical', 'settlements', regionCode, period] as const,
  institution: (institutionId: number) => ['medical', 'settlements', 'institution', institutionId] as const,
};

/** The statements the month's settlement drew for the region's institutions (none before it ran). */
export async function fetchStatementsOfPeriod(regionCode: string, period: string): Promise<Statement[]> {
  const reply = await dataOf(() =>
    api.GET('/api/medical/settlements', { params: { query: { regionCode, period } } }),
  );
  return reply.items;
}

/**
 * Settles an ended month with every institution of the region; a month settled already answers with its
 * statements and none drawn. A month not yet over is refused.
 */
export function settleMonth(regionCode: string, period: string): Promise<MonthSettlement> {
  return dataOf(() => api.POST('/api/medical/settlements', { body: { regionCode, period } }));
}

/** An institution's monthly statements, latest first (the last 36). */
export async function fetchInstitutionStatements(institutionId: number): Promise<Statement[]> {
  const reply = await dataOf(() =>
    api.GET('/api/medical/institutions/{institutionId}/statements', {
      params: { path: { institutionId: String(institutionId) } },
    }),
  );
  return reply.items;
}

/** Credits the month's fixed amount to the region's retirees' accounts; a re-run credits only who was missed. */
export function creditRetirees(regionCode: string, period: string): Promise<RetireeCreditRun> {
  return dataOf(() => api.POST('/api/medical/retiree-credits', { body: { regionCode, period } }));
}
