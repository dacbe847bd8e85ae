import { addMonths, maskResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import {
  decideReport,
  insertDeathReport,
  selectReportOfApproval,
  selectStandingReport,
  type DeathReportRow,
} from './death-reports.repository.ts';
import {
  deathReportDetails,
  deathReportPayload,
  type DeathReportDetails,
  type DeathReportPayload,
} from './death-reports.schemas.ts';

/*
 * The steps of a death report's approval (workflows/confirm-death.ts; docs/RULES.md 14.10). Each runs in
 * the transaction the approvals service hands it and reads nothing outside it.
 */

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
};

const reportExists = (personId: number) =>
  new AppError(ErrorCode.CONFLICT, `personId: a death report of person ${personId} is waiting or confirmed`, {
    field: 'personId',
    detailCode: 'death-report-exists',
  });

/** Checks a proposed report before anyone is asked to approve it: its shape, and no other report standing. */
export async function checkDeathReport(db: Kysely<Database>, payload: unknown): Promise<DeathReportPayload> {
  const parsed = deathReportPayload.safeParse(payload);
  if (!parsed.success) throw new AppError(ErrorCode.VALIDATION, 'payload: is not a death report');
  if (await selectStandingReport(db, parsed.data.personId)) throw reportExists(parsed.data.personId);
  return parsed.data;
}

const mask = (account: string) => `****${account.slice(-4)}`;

/** The report as the approval shows it: identity numbers and accounts masked (docs/RULES.md 9.5). */
export function maskedReport(details: DeathReportDetails): DeathReportPayload {
  const payee = details.funeralPayee;
  const paid = 'heirIndex' in payee ? details.heirs[payee.heirIndex]! : payee;
  return {
    personId: details.personId,
    regionCode: details.regionCode,
    dateOfDeath: details.dateOfDeath,
    reportedBy: details.reportedBy,
    reporterName: details.reporterName,
    heirs: details.heirs.map(({ idNumber, bankAccount, ...heir }) => ({
      ...heir,
      idNumberMasked: maskResidentId(idNumber),
      accountMasked: mask(bankAccount),
    })),
    funeralPayee: {
      name: paid.name,
      accountMasked: mask(paid.bankAccount),
      heirIndex: 'heirIndex' in payee ? payee.heirIndex : null,
    },
    documents: details.documentSha256.length,
    note: details.note,
    benefits: details.benefits,
  };
}

/**
 * Records the report as proposed, with the proposal, in its transaction: the details handed beside the
 * payload, which must be the same report.
 */
export async function recordProposedReport(
  db: Kysely<Database>,
  proposal: DeathReportPayload,
  given: unknown,
  who: { proposedBy: string; approvalId: number },
  recordedAt: string,
): Promise<void> {
  const parsed = deathReportDetails.safeParse(given);
  if (!parsed.success || JSON.stringify(maskedReport(parsed.data)) !== JSON.stringify(proposal))
    throw new AppError(ErrorCode.VALIDATION, 'details: are not the death report proposed');
  const payload = parsed.data;
  try {
    await insertDeathReport(db, {
      person_id: payload.personId,
      region_code: payload.regionCode,
      date_of_death: payload.dateOfDeath,
      reported_by: payload.reportedBy,
      reporter_name: payload.reporterName,
      state: 'proposed',
      approval_id: who.approvalId,
      heirs: JSON.stringify(payload.heirs),
      funeral_payee: JSON.stringify(payload.funeralPayee),
      document_sha256: payload.documentSha256.length ? JSON.stringify(payload.documentSha256) : null,
      benefits: JSON.stringify(payload.benefits),
      note: payload.note,
      recorded_by: who.proposedBy,
      recorded_at: recordedAt,
    });
  } catch (error) {
    // Two officers reporting the same death at once: the second is refused like one who came later.
    if (isUniqueViolation(error)) throw reportExists(payload.personId);
    throw error;
  }
}

/** A confirmed death as the payroll needs it: every account in full (it pays them), never shown in a list. */
export interface ConfirmedDeath {
  reportId: number;
  approvalId: number;
  personId: number;
  regionCode: string;
  dateOfDeath: string;
  /** Payment stops from the month after the death (docs/RULES.md 14.5, 14.10). */
  stopPaymentFrom: string;
  heirs: DeathReportDetails['heirs'];
  /** Who receives the funeral grant, resolved to a name and an account. */
  funeralPayee: { name: string; idNumber: string; bankAccount: string; heirIndex: number | null };
  benefits: DeathReportDetails['benefits'];
}

export function confirmedDeathOf(row: DeathReportRow): ConfirmedDeath {
  const heirs = JSON.parse(row.heirs) as DeathReportDetails['heirs'];
  const payee = JSON.parse(row.funeral_payee) as DeathReportDetails['funeralPayee'];
  const funeralPayee =
    'heirIndex' in payee
      ? { ...pick(heirs[payee.heirIndex]!), heirIndex: payee.heirIndex }
      : { ...pick(payee), heirIndex: null };
  return {
    reportId: Number(row.id),
    approvalId: Number(row.approval_id),
    personId: Number(row.person_id),
    regionCode: row.region_code,
    dateOfDeath: row.date_of_death,
    stopPaymentFrom: addMonths(row.date_of_death.slice(0, 7), 1),
    heirs,
    funeralPayee,
    benefits: JSON.parse(row.benefits) as DeathReportDetails['benefits'],
  };
}

const pick = (who: { name: string; idNumber: string; bankAccount: string }) => ({
  name: who.name,
  idNumber: who.idNumber,
  bankAccount: who.bankAccount,
});

/** The second officer's approval: the report stands confirmed. */
export async function confirmDeathReport(
  db: Kysely<Database>,
  who: { approvedBy: string; approvalId: number },
  decidedAt: string,
): Promise<ConfirmedDeath> {
  if (
    !(await decideReport(db, who.approvalId, {
      state: 'confirmed',
      decided_by: who.approvedBy,
      decided_at: decidedAt,
    }))
  )
    throw new AppError(
      ErrorCode.CONFLICT,
      `approvalId: the death report of approval ${who.approvalId} is not waiting`,
      {
        field: 'approvalId',
        detailCode: 'death-report-state',
      },
    );
  return confirmedDeathOf((await selectReportOfApproval(db, who.approvalId))!);
}

/** The second officer's rejection (here or on the approvals page): the report stands rejected. */
export async function rejectDeathReport(
  db: Kysely<Database>,
  who: { rejectedBy: string; approvalId: number },
  decidedAt: string,
): Promise<void> {
  await decideReport(db, who.approvalId, {
    state: 'rejected',
    decided_by: who.rejectedBy,
    decided_at: decidedAt,
  });
}

/** What the approval records as its result: the confirmed death with identity numbers and accounts masked. */
export function maskedConfirmation(death: ConfirmedDeath) {
  return {
    ...death,
    heirs: death.heirs.map(({ idNumber, bankAccount, ...heir }) => ({
      ...heir,
      idNumberMasked: maskResidentId(idNumber),
      accountMasked: mask(bankAccount),
    })),
    funeralPayee: {
      name: death.funeralPayee.name,
      idNumberMasked: maskResidentId(death.funeralPayee.idNumber),
      accountMasked: mask(death.funeralPayee.bankAccount),
      heirIndex: death.funeralPayee.heirIndex,
    },
  };
}
