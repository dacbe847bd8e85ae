import { chinaDateOf, CLAIM_KINDS } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type {
  InstitutionView,
  AgreementStandingInput,
  NewAgreementInput,
  NewInstitutionInput,
} from './institutions.schemas.ts';
import { agreementStanding, loadInstitutions } from './institution-standing.ts';
import {
  insertAgreement,
  insertAgreementEvent,
  insertInstitution,
  selectAgreement,
  selectAgreementByNo,
  selectAgreementEvents,
  selectInstitutionByCode,
  selectInstitutionsOfRegion,
  updateAgreementStanding,
} from './institutions.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';

/*
 * The registry of designated institutions and pharmacies and their service agreements (SIL Art. 31;
 * docs/RULES.md 16.1): staff register them, sign agreements for a period and a scope of claims, and
 * suspend, end or restore an agreement with its reason; every change of standing is kept.
 */

export async function registerInstitution(
  deps: MedicalDeps,
  input: NewInstitutionInput,
  by: string,
): Promise<InstitutionView> {
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await selectInstitutionByCode(trx, input.code))
      throw new AppError(
        ErrorCode.CONFLICT,
        `code: an institution with the code ${input.code} is registered already`,
        {
          field: 'code',
        },
      );
    return insertInstitution(trx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      level: input.level ?? null,
      category: input.category,
      region_code: input.regionCode,
      address: input.address,
      created_by: by,
      created_at: deps.clock.now().toISOString(),
    });
  });
  return getInstitution(deps, id);
}

export async function signAgreement(
  deps: MedicalDeps,
  institutionId: number,
  input: NewAgreementInput,
  by: string,
): Promise<InstitutionView> {
  if (input.validTo < input.validFrom)
    throw new AppError(ErrorCode.VALIDATION, 'validTo: the agreement ends before it begins', {
      field: 'validTo',
    });
  await getInstitution(deps, institutionId);
  await deps.db.transaction().execute(async (trx) => {
    if (await selectAgreementByNo(trx, input.agreementNo))
      throw new AppError(
        ErrorCode.CONFLICT,
        `agreementNo: the agreement ${input.agreementNo} exists already`,
        {
          field: 'agreementNo',
        },
      );
    const at = deps.clock.now().toISOString();
    const agreementId = await insertAgreement(trx, {
      agreement_no: input.agreementNo,
      institution_id: institutionId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      scope_json: JSON.stringify(CLAIM_KINDS.filter((kind) => input.scope.includes(kind))),
      payment_days: input.paymentDays,
      status: 'active',
      status_from: input.validFrom,
      status_until: null,
      status_reason: 'signed',
      status_source: 'SIL Art. 31',
      created_by: by,
      created_at: at,
    });
    await insertAgreementEvent(trx, {
      agreement_id: agreementId,
      status: 'active',
      status_from: input.validFrom,
      status_until: null,
      reason: 'signed',
      source: 'SIL Art. 31',
      recorded_by: by,
      recorded_at: at,
    });
  });
  return getInstitution(deps, institutionId);
}

/** Suspends, ends or restores an agreement from a day, with the reason and its legal basis. */
export async function changeAgreementStanding(
  deps: MedicalDeps,
  institutionId: number,
  agreementId: number,
  input: AgreementStandingInput,
  by: string,
): Promise<InstitutionView> {
  if (input.status === 'suspended' && !input.until)
    throw new AppError(ErrorCode.VALIDATION, 'until: a suspension gives its last day', { field: 'until' });
  if (input.status !== 'suspended' && input.until)
    throw new AppError(ErrorCode.VALIDATION, 'until: only a suspension has a last day', { field: 'until' });
  if (input.until && input.until < input.from)
    throw new AppError(ErrorCode.VALIDATION, 'until: the suspension ends before it begins', {
      field: 'until',
    });
  await deps.db.transaction().execute(async (trx) => {
    const agreement = await selectAgreement(trx, agreementId);
    if (!agreement || Number(agreement.institution_id) !== institutionId)
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `agreementId: the institution has no agreement ${agreementId}`,
        {
          field: 'agreementId',
        },
      );
    if (agreement.status === 'terminated')
      throw new AppError(
        ErrorCode.RULE_VIOLATION,
        'agreementId: a terminated agreement is not changed; sign a new one',
        {
          field: 'agreementId',
          detailCode: 'agreement-not-active',
        },
      );
    const standing = {
      status: input.status,
      status_from: input.from,
      status_until: input.until ?? null,
      status_reason: input.reason,
      status_source: input.source ?? null,
    };
    await updateAgreementStanding(trx, agreementId, standing);
    await insertAgreementEvent(trx, {
      agreement_id: agreementId,
      status: input.status,
      status_from: input.from,
      status_until: input.until ?? null,
      reason: input.reason,
      source: input.source ?? null,
      recorded_by: by,
      recorded_at: deps.clock.now().toISOString(),
    });
  });
  return getInstitution(deps, institutionId);
}

export async function getInstitution(deps: MedicalDeps, institutionId: number): Promise<InstitutionView> {
  const [view] = await institutionViews(deps, [institutionId]);
  if (!view)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `institutionId: no designated institution has id ${institutionId}`,
      {
        field: 'institutionId',
      },
    );
  return view;
}

export async function listInstitutions(
  deps: MedicalDeps,
  regionPrefix: string,
  page: { afterId: number; limit: number },
): Promise<InstitutionView[]> {
  const rows = await selectInstitutionsOfRegion(deps.db, regionPrefix, page);
  return institutionViews(
    deps,
    rows.map((row) => Number(row.id)),
  );
}

async function institutionViews(deps: MedicalDeps, ids: readonly number[]): Promise<InstitutionView[]> {
  const institutions = await loadInstitutions(deps.db, ids);
  const events = await selectAgreementEvents(
    deps.db,
    [...institutions.values()].flatMap((institution) =>
      institution.agreements.map((agreement) => Number(agreement.id)),
    ),
  );
  const today = chinaDateOf(deps.clock.now());
  return ids.flatMap((id) => {
    const institution = institutions.get(id);
    if (!institution) return [];
    const row = institution;
    return [
      {
        id: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        level: row.level,
        category: row.category,
        regionCode: row.regionCode,
        address: row.address,
        settlingToday: CLAIM_KINDS.some((kind) => agreementStanding(institution, kind, today, today).ok),
        agreements: institution.agreements.map((agreement) => ({
          id: Number(agreement.id),
          agreementNo: agreement.agreement_no,
          validFrom: agreement.valid_from,
          validTo: agreement.valid_to,
          scope: JSON.parse(agreement.scope_json) as (typeof CLAIM_KINDS)[number][],
          paymentDays: agreement.payment_days,
          status: agreement.status,
          statusFrom: agreement.status_from,
          statusUntil: agreement.status_until,
          statusReason: agreement.status_reason,
          statusSource: agreement.status_source,
          history: events
            .filter((event) => Number(event.agreement_id) === Number(agreement.id))
            .map((event) => ({
              status: event.status,
              from: event.status_from,
              until: event.status_until,
              reason: event.reason,
              source: event.source,
              recordedBy: event.recorded_by,
              recordedAt: event.recorded_at,
            })),
        })),
      },
    ];
  });
}
