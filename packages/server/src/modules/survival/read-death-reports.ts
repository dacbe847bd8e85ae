import { maskResidentId, regionCodePrefix } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database, DeathReportState } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { confirmedDeathOf } from './death-report-steps.ts';
import {
  selectPersonReports,
  selectRegionReports,
  selectStandingReport,
  type DeathReportRow,
} from './death-reports.repository.ts';
import type { DeathReportView } from './death-reports.schemas.ts';
import type { SurvivalDeps } from './survival-deps.ts';

const mask = (account: string) => `****${account.slice(-4)}`;

/** A report as staff see it: identity numbers and accounts masked, the one-time benefits explained. */
export function toDeathReportView(
  row: DeathReportRow & { name: string; id_number: string },
): DeathReportView {
  const death = confirmedDeathOf(row);
  return {
    id: death.reportId,
    personId: death.personId,
    name: row.name,
    idNumberMasked: maskResidentId(row.id_number),
    regionCode: row.region_code,
    dateOfDeath: row.date_of_death,
    stopPaymentFrom: death.stopPaymentFrom,
    reportedBy: row.reported_by,
    reporterName: row.reporter_name,
    state: row.state,
    approvalId: death.approvalId,
    heirs: death.heirs.map((heir) => ({
      name: heir.name,
      idNumberMasked: maskResidentId(heir.idNumber),
      relation: heir.relation,
      accountMasked: mask(heir.bankAccount),
      share: heir.share,
    })),
    funeralPayee: {
      name: death.funeralPayee.name,
      accountMasked: mask(death.funeralPayee.bankAccount),
      heirIndex: death.funeralPayee.heirIndex,
    },
    documentSha256: row.document_sha256 ? (JSON.parse(row.document_sha256) as string[]) : [],
    note: row.note,
    funeralGrant: death.benefits.funeralGrant,
    survivorsBenefit: death.benefits.survivorsBenefit,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

async function withPerson(deps: SurvivalDeps, rows: DeathReportRow[]): Promise<DeathReportView[]> {
  const views: DeathReportView[] = [];
  for (const row of rows) {
    const person = await deps.persons.getPerson(Number(row.person_id));
    views.push(toDeathReportView({ ...row, name: person.name, id_number: person.idNumber }));
  }
  return views;
}

/** A person's reports, newest first. */
export async function listPersonReports(deps: SurvivalDeps, personId: number): Promise<DeathReportView[]> {
  await deps.persons.getPerson(personId);
  return withPerson(deps, await selectPersonReports(deps.db, personId));
}

/** A region's reports in a state (proposed by default), by id from a cursor. */
export async function listRegionReports(
  deps: SurvivalDeps,
  query: { regionCode: string; state: DeathReportState; afterId?: number; limit: number },
): Promise<DeathReportView[]> {
  const { regionCode, ...rest } = query;
  return withPerson(
    deps,
    await selectRegionReports(deps.db, { regionPrefix: regionCodePrefix(regionCode), ...rest }),
  );
}

/** The person's report waiting for the second officer, for the decision; CONFLICT when there is none. */
export async function getProposedReport(
  db: Kysely<Database>,
  personId: number,
): Promise<{ id: number; approvalId: number }> {
  const row = await selectStandingReport(db, personId);
  if (row?.state !== 'proposed')
    throw new AppError(
      ErrorCode.CONFLICT,
      `personId: no death report of person ${personId} waits for a decision`,
      {
        field: 'personId',
        detailCode: 'death-report-state',
      },
    );
  return { id: Number(row.id), approvalId: Number(row.approval_id) };
}
