import type { ClaimKind } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { DetailCode } from '../../errors/index.ts';
import {
  selectAgreementsOfInstitutions,
  selectInstitutionsById,
  type AgreementRow,
  type InstitutionRow,
} from './institutions.repository.ts';

/*
 * Whether an institution may settle a claim of a kind on a day under its service agreement (SIL Art. 31;
 * docs/RULES.md 16.1): an agreement in force that day covers the kind and is neither suspended nor
 * terminated, on the day of the visit or on the day of settling.
 */

export interface InstitutionWithAgreements {
  id: number;
  code: string;
  name: string;
  kind: InstitutionRow['kind'];
  level: number | null;
  category: string;
  regionCode: string;
  address: string;
  agreements: AgreementRow[];
}

export async function loadInstitutions(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, InstitutionWithAgreements>> {
  const [rows, agreements] = await Promise.all([
    selectInstitutionsById(db, ids),
    selectAgreementsOfInstitutions(db, ids),
  ]);
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        code: row.code,
        name: row.name,
        kind: row.kind,
        level: row.level,
        category: row.category,
        regionCode: row.region_code,
        address: row.address,
        agreements: agreements.filter((agreement) => Number(agreement.institution_id) === Number(row.id)),
      },
    ]),
  );
}

export type Standing =
  { ok: true; agreementNo: string } | { ok: false; reason: string; detailCode: DetailCode };

export function agreementStanding(
  institution: InstitutionWithAgreements,
  kind: ClaimKind,
  onDate: string,
  today: string,
): Standing {
  const inForce = institution.agreements.filter(
    (agreement) => agreement.valid_from <= onDate && agreement.valid_to >= onDate,
  );
  if (inForce.length === 0)
    return {
      ok: false,
      reason: `institutionId: ${institution.name} has no service agreement in force on ${onDate}`,
      detailCode: 'agreement-not-active',
    };
  const covering = inForce.filter((agreement) =>
    (JSON.parse(agreement.scope_json) as string[]).includes(kind),
  );
  if (covering.length === 0)
    return {
      ok: false,
      reason: `institutionId: the agreement of ${institution.name} does not cover ${kind} claims`,
      detailCode: 'agreement-not-active',
    };
  for (const agreement of covering) {
    // A suspension bars settling from its first day, also for visits before it.
    const blocked = blockedOn(agreement, onDate) || blockedOn(agreement, today);
    if (!blocked) return { ok: true, agreementNo: agreement.agreement_no };
  }
  const agreement = covering[0]!;
  return {
    ok: false,
    reason: `institutionId: the agreement ${agreement.agreement_no} is ${agreement.status}${
      agreement.status_until ? ` until ${agreement.status_until}` : ''
    }: ${agreement.status_reason ?? ''}${agreement.status_source ? ` (${agreement.status_source})` : ''}`,
    detailCode: 'settlement-suspended',
  };
}

/** Suspended over the day, or terminated on or before it. */
function blockedOn(agreement: AgreementRow, onDate: string): boolean {
  if (agreement.status === 'terminated') return agreement.status_from <= onDate;
  if (agreement.status === 'suspended')
    return (
      agreement.status_from <= onDate && (agreement.status_until === null || agreement.status_until >= onDate)
    );
  return false;
}
