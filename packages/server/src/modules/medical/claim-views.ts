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

/** What a claim's view is made of, whether read back from the tables or known from settling it. */
export interface ClaimViewParts {
  claimNo: string;
  kind: ClaimView['kind'];
  visitDate: string;
  dischargeDate: string | null;
  personType: ClaimView['personType'];
  line: string | null;
  amounts: Pick<
    ClaimView,
    | 'totalFen'
    | 'notCoveredFen'
    | 'partSelfPayFen'
    | 'policyRangeFen'
    | 'deductibleFen'
    | 'coinsuranceFen'
    | 'overCapFen'
    | 'pooledFen'
    | 'accountFen'
    | 'cashFen'
  >;
  settledOn: string;
  stored: StoredExplanation;
  person: { id: number; name: string; idNumber: string };
  institution: { id: number; code: string; name: string };
  /** Whose account paid (the claim's account person), when an account paid. */
  accountHolder: { id: number; idNumber: string } | null;
  items: ClaimView['items'];
  cancellation: ClaimView['cancellation'];
}

/** A claim's answer from its parts: the same for the first answer, a replay and a later read. */
export function claimViewOf(parts: ClaimViewParts): ClaimView {
  const pooled = parts.stored.year.pooledFen;
  return {
    claimNo: parts.claimNo,
    status: parts.cancellation ? 'cancelled' : 'settled',
    institution: { id: parts.institution.id, code: parts.institution.code, name: parts.institution.name },
    person: {
      id: parts.person.id,
      name: parts.person.name,
      idNumberMasked: maskResidentId(parts.person.idNumber),
    },
    kind: parts.kind,
    visitDate: parts.visitDate,
    dischargeDate: parts.dischargeDate,
    personType: parts.personType,
    scheme: parts.stored.scheme,
    line: parts.line,
    ...parts.amounts,
    accountHolder: parts.accountHolder
      ? { personId: parts.accountHolder.id, idNumberMasked: maskResidentId(parts.accountHolder.idNumber) }
      : null,
    year: {
      ...parts.stored.year,
      pooledTotalFen: pooled.outpatient + pooled.inpatient + pooled.chronic,
    },
    items: parts.items,
    explanation: parts.stored.explanation,
    settledOn: parts.settledOn,
    cancellation: parts.cancellation,
  };
}

/** Claims as their answer shows them, by id, read from the tables. */
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
  const itemsOf = new Map<number, ClaimView['items']>();
  for (const item of items) {
    const claimId = Number(item.claim_id);
    let list = itemsOf.get(claimId);
    if (!list) itemsOf.set(claimId, (list = []));
    list.push({
      code: item.code,
      name: item.name,
      itemClass: item.item_class,
      quantity: item.quantity,
      amountFen: Number(item.amount_fen),
      selfPaySharePpm: item.self_pay_share_ppm,
    });
  }
  const views = new Map<number, ClaimView>();
  for (const claim of claims) {
    const id = Number(claim.id);
    const person = personOf.get(Number(claim.person_id))!;
    const institution = institutionOf.get(Number(claim.institution_id))!;
    const holder = claim.account_person_id === null ? null : personOf.get(Number(claim.account_person_id))!;
    const cancellation = cancellationOf.get(id);
    views.set(
      id,
      claimViewOf({
        claimNo: claim.claim_no,
        kind: claim.kind,
        visitDate: claim.visit_date,
        dischargeDate: claim.discharge_date,
        personType: claim.person_type,
        line: claim.line,
        amounts: {
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
        },
        settledOn: claim.settled_on,
        stored: JSON.parse(claim.explanation) as StoredExplanation,
        person: { id: Number(person.id), name: person.name, idNumber: person.id_number },
        institution: { id: Number(institution.id), code: institution.code, name: institution.name },
        accountHolder: holder ? { id: Number(holder.id), idNumber: holder.id_number } : null,
        items: itemsOf.get(id) ?? [],
        cancellation: cancellation
          ? { cancelledOn: cancellation.cancelled_on, reason: cancellation.reason }
          : null,
      }),
    );
  }
  return views;
}
