import type { Kysely } from 'kysely';
import { replaceChecks } from './replace-checks.ts';

/**
 * The medical costs of a work injury reimbursed out of the work-injury fund (docs/RULES.md 15.24) are a
 * one-time payment of their own kind.
 */
const KINDS = `'funeral-grant', 'survivors-benefit', 'account-inheritance', 'injury-disability-subsidy', 'injury-funeral', 'injury-death-subsidy', 'maternity-allowance', 'maternity-medical'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceChecks(db, 'one_time_payments', [
    { column: 'kind', from: `kind in (${KINDS})`, to: `kind in (${KINDS}, 'injury-medical')` },
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceChecks(db, 'one_time_payments', [
    { column: 'kind', from: `kind in (${KINDS}, 'injury-medical')`, to: `kind in (${KINDS})` },
  ]);
}
