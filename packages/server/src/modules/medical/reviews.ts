import { maskResidentId } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectClaimsById } from './claims.repository.ts';
import { selectPersonsById } from './coverage.repository.ts';
import { selectInstitutionsById } from './institutions.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { selectFlags, selectFlagsById, updateFlags, type FlagRow } from './reviews.repository.ts';

/** The medical officers' review queue (docs/RULES.md 16.7): flagged claims, and clearing one. */

export interface ReviewView {
  id: number;
  rule: FlagRow['rule'];
  detail: string;
  flaggedOn: string;
  status: FlagRow['status'];
  reviewNote: string | null;
  reviewedBy: string | null;
  claim: {
    claimNo: string;
    kind: string;
    visitDate: string;
    totalFen: number;
    pooledFen: number;
    accountFen: number;
  };
  institution: { id: number; name: string };
  person: { id: number; name: string; idNumberMasked: string };
}

export async function listReviews(
  deps: MedicalDeps,
  filter: { regionPrefix: string; status?: FlagRow['status']; afterId?: number; limit: number },
): Promise<ReviewView[]> {
  const flags = await selectFlags(deps.db, filter);
  return reviewViews(deps, flags);
}

async function reviewViews(deps: MedicalDeps, flags: readonly FlagRow[]): Promise<ReviewView[]> {
  const [claims, institutions, persons] = await Promise.all([
    selectClaimsById(deps.db, [...new Set(flags.map((flag) => Number(flag.claim_id)))]),
    selectInstitutionsById(deps.db, [...new Set(flags.map((flag) => Number(flag.institution_id)))]),
    selectPersonsById(deps.db, [...new Set(flags.map((flag) => Number(flag.person_id)))]),
  ]);
  const claimOf = new Map(claims.map((row) => [Number(row.id), row]));
  const institutionOf = new Map(institutions.map((row) => [Number(row.id), row]));
  const personOf = new Map(persons.map((row) => [Number(row.id), row]));
  return flags.map((flag) => {
    const claim = claimOf.get(Number(flag.claim_id))!;
    const institution = institutionOf.get(Number(flag.institution_id))!;
    const person = personOf.get(Number(flag.person_id))!;
    return {
      id: Number(flag.id),
      rule: flag.rule,
      detail: flag.detail,
      flaggedOn: flag.flagged_on,
      status: flag.status,
      reviewNote: flag.review_note,
      reviewedBy: flag.reviewed_by,
      claim: {
        claimNo: claim.claim_no,
        kind: claim.kind,
        visitDate: claim.visit_date,
        totalFen: Number(claim.total_fen),
        pooledFen: Number(claim.pooled_fen),
        accountFen: Number(claim.account_fen),
      },
      institution: { id: Number(institution.id), name: institution.name },
      person: { id: Number(person.id), name: person.name, idNumberMasked: maskResidentId(person.id_number) },
    };
  });
}

/** Clears an open flag with the officer's note: the claim was looked at and found in order. */
export async function clearReview(
  deps: MedicalDeps,
  flagId: number,
  note: string,
  by: string,
): Promise<ReviewView> {
  await deps.db.transaction().execute(async (trx) => {
    const [flag] = await selectFlagsById(trx, [flagId]);
    if (!flag)
      throw new AppError(ErrorCode.NOT_FOUND, `flagId: no review flag ${flagId}`, { field: 'flagId' });
    if (flag.status !== 'open')
      throw new AppError(ErrorCode.CONFLICT, `flagId: the flag is ${flag.status} already`, {
        field: 'flagId',
      });
    await updateFlags(trx, [flagId], {
      status: 'cleared',
      review_note: note,
      reviewed_by: by,
      reviewed_at: deps.clock.now().toISOString(),
      finding_id: null,
    });
  });
  const [flag] = await selectFlagsById(deps.db, [flagId]);
  return (await reviewViews(deps, [flag!]))[0]!;
}

/** The region of a flag, for the access check. */
export async function regionOfFlag(deps: MedicalDeps, flagId: number): Promise<string | undefined> {
  const [flag] = await selectFlagsById(deps.db, [flagId]);
  return flag?.region_code;
}
