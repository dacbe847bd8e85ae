import { maskResidentId, type Explanation, type YearToDate } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { ClaimView } from './claims.schemas.ts';
import { selectCancellations, selectClaimsById, selectItemsOfClaims } from './claims.repository.ts';
import { selectPersonsById } from './coverage.repository.ts';
import { selectInstitutionsById } from './institutions.repository.ts';

/** What a claim keeps of its settlement beside the amounts: the explanation and the year as it left it. */
export interface StoredExplanation {
  explanation: Explanation;
  coverage: string;
  scheme: 'employee' | 'resident';
  year: {
    year: number;
    deductibleUsedFen: YearToDate['deductibleUsedFen'];
    pooledFen: YearToDate['pooledFen'];
    annualCapLeftFen: number;
    lineCapLeftFen: number | null;
  };
  accountHolderRelation?: string;
}

/** Claims as their answer shows them, by id: the same for the first answer, a replay and a later read. */
export async function claimViews(
  db: Kysely<Database>,
  claimIds: readonly number[],
): Promise<Map<number, ClaimView>> {
  const claims = await selectClaimsById(db, claimIds);
  const ids = claims.map((claim) => Number(claim.id));
  const personIds = [
    ...new Set(
      claims.flatMap((claim) => [
        Number(claim.person_id),
        ...(claim.account_person_id ? [Number(claim.account_person_id)] : []),
      ]),
    ),
  ];
  const [items, cancellations, persons, institutions] = await Promise.all([
    selectItemsOfClaims(db, ids),
    selectCancellations(db, ids),
    selectPersonsById(db, personIds),
    selectInstitutionsById(db, [...new Set(claims.map((claim) => Number(claim.institution_id)))]),
  ]);
  const personOf = new Map(persons.map((row) => [Number(row.id), row]));
  const institutionOf = new Map(institutions.map((row) => [Number(row.id), row]));
  const cancellationOf = new Map(cancellations.map((row) => [Number(row.claim_id), row]));
  const views = new Map<number, ClaimView>();
  for (const claim of claims) {
    const id = Number(claim.id);
    const stored = JSON.parse(claim.explanation) as StoredExplanation;
    const person = personOf.get(Number(claim.person_id))!;
    const institution = institutionOf.get(Number(claim.institution_id))!;
    const holder = claim.account_person_id === null ? null : personOf.get(Number(claim.account_person_id))!;
    const cancellation = cancellationOf.get(id);
    const pooled = stored.year.pooledFen;
    views.set(id, {
      claimNo: claim.claim_no,
      status: cancellation ? 'cancelled' : 'settled',
      institution: { id: Number(institution.id), code: institution.code, name: institution.name },
      person: { id: Number(person.id), name: person.name, idNumberMasked: maskResidentId(person.id_number) },
      kind: claim.kind,
      visitDate: claim.visit_date,
      dischargeDate: claim.discharge_date,
      personType: claim.person_type,
      scheme: stored.scheme,
      line: claim.line,
      totalFen: Number(claim.total_fen),
      notCoveredFen: Number(claim.not_covered_fen),
      partSelfPayFen: Number(claim.part_self_pay_fen),
      policyRangeFen: Number(claim.policy_range_fen),
      deductibleFen: Number(claim.deductible_fen),
      coinsuranceFen: Number(claim.coinsurance_fen),
      overCapFen: Number(claim.over_cap_fen),
      pooledFen: Number(claim.pooled_fen),
      accountFen: Number(claim.account_fen),
      cashFen: Number(claim.cash_fen),
      accountHolder: holder
        ? { personId: Number(holder.id), idNumberMasked: maskResidentId(holder.id_number) }
        : null,
      year: {
        ...stored.year,
        pooledTotalFen: pooled.outpatient + pooled.inpatient + pooled.chronic,
      },
      items: items
        .filter((item) => Number(item.claim_id) === id)
        .map((item) => ({
          code: item.code,
          name: item.name,
          itemClass: item.item_class,
          quantity: item.quantity,
          amountFen: Number(item.amount_fen),
          selfPaySharePpm: item.self_pay_share_ppm,
        })),
      explanation: stored.explanation,
      settledOn: claim.settled_on,
      cancellation: cancellation
        ? { cancelledOn: cancellation.cancelled_on, reason: cancellation.reason }
        : null,
    });
  }
  return views;
}
