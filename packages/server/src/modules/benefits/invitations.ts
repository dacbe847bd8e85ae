import type { Insertable, Kysely } from 'kysely';
import type { Database, RetirementInvitationsTable } from '../../db/index.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import {
  insertInvitations,
  selectPersonInvitations,
  selectPersonsWithPensionClaims,
} from './invitations.repository.ts';
import type { InvitationView } from './invitations.schemas.ts';

export type NewInvitation = Insertable<RetirementInvitationsTable>;

const SHORTFALL_OPTIONS = [
  'keep-paying',
  'extended-or-one-time-payment',
  'transfer-to-residents-scheme',
] as const;

/** A person's invitations, newest first (docs/RULES.md 14.13). */
export async function listInvitations(deps: BenefitsDeps, personId: number): Promise<InvitationView[]> {
  return (await selectPersonInvitations(deps.db, personId)).map((row) => ({
    id: Number(row.id),
    personId: Number(row.person_id),
    retirementMonth: row.retirement_month,
    retirementGroup: row.retirement_group,
    kind: row.kind,
    contributionMonths: row.contribution_months,
    minContributionMonths: row.min_contribution_months,
    shortfallMonths: row.shortfall_months,
    options: row.kind === 'shortfall' ? [...SHORTFALL_OPTIONS] : [],
    sentIn: row.sent_in,
    recordedAt: row.recorded_at,
  }));
}

/** Stores a run's invitations once per person and retirement month; returns those that were new. */
export function storeInvitations(
  db: Kysely<Database>,
  rows: readonly NewInvitation[],
): Promise<NewInvitation[]> {
  return insertInvitations(db, rows);
}

/** Of the persons named, those already claiming a pension (an application not withdrawn, or an award). */
export function personsClaimingPension(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Set<number>> {
  return selectPersonsWithPensionClaims(db, personIds);
}
