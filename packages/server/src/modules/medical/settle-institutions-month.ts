import {
  addDays,
  chinaDateOf,
  daysInMonth,
  periodMonth,
  periodYear,
  postMedicalRecoveryDeduction,
  postMedicalStatementPayment,
  regionCodePrefix,
  type Posting,
} from '@shebao/domain';
import type { Insertable } from 'kysely';
import type { MedicalStatementsTable } from '../../db/schema.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { loadInstitutions } from './institution-standing.ts';
import type { MedicalDeps } from './medical-deps.ts';
import {
  insertStatements,
  selectLatestStatementsBefore,
  selectMonthActivity,
  selectOpenInstitutionRecoveries,
  selectStatementsOfPeriod,
  type StatementRow,
} from './statements.repository.ts';

/*
 * The month's settlement with the designated institutions of a region (docs/RULES.md 16.6), a batch: once
 * the month has ended, one statement per institution and fund of what its claims settled in the month
 * come to, less the month's cancellations, with what an earlier statement carried and the recoveries of
 * approved findings deducted, paid out of the fund's bank account in the same transaction. A re-run finds
 * the statements drawn and changes nothing.
 */

export interface MonthSettlement {
  regionCode: string;
  period: string;
  /** Statements drawn by this run (none on a re-run). */
  drawn: number;
  statements: StatementView[];
}

export interface StatementView {
  statementNo: string;
  institutionId: number;
  ledger: 'medical' | 'residents_medical';
  period: string;
  claims: number;
  pooledFen: number;
  accountFen: number;
  cancelled: number;
  cancelledFen: number;
  carriedInFen: number;
  deductedFen: number;
  paidFen: number;
  carriedOutFen: number;
  dueOn: string;
  paidOn: string;
}

export async function settleInstitutionsMonth(
  deps: MedicalDeps,
  input: { regionCode: string; period: string },
  by: string,
): Promise<MonthSettlement> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  if (input.period >= today.slice(0, 7))
    throw new AppError(
      ErrorCode.VALIDATION,
      `period: ${input.period} has not ended; a month is settled after it`,
      {
        field: 'period',
        detailCode: 'month-not-ended',
      },
    );
  const prefix = regionCodePrefix(input.regionCode);
  const from = `${input.period}-01`;
  const to = `${input.period}-${String(daysInMonth(periodYear(input.period), periodMonth(input.period))).padStart(2, '0')}`;
  const drawn = await deps.db.transaction().execute(async (trx) => {
    const existing = await selectStatementsOfPeriod(trx, prefix, input.period);
    const done = new Set(existing.map((row) => `${Number(row.institution_id)}|${row.ledger}`));
    const activity = await selectMonthActivity(trx, prefix, from, to);
    const carried = (await selectLatestStatementsBefore(trx, prefix, input.period)).filter(
      (row) => Number(row.carried_out_fen) < 0,
    );
    const keys = new Map<string, { institutionId: number; ledger: 'medical' | 'residents_medical' }>();
    for (const row of activity) keys.set(`${row.institutionId}|${row.ledger}`, row);
    for (const row of carried)
      keys.set(`${Number(row.institution_id)}|${row.ledger}`, {
        institutionId: Number(row.institution_id),
        ledger: row.ledger,
      });
    const pending = [...keys.entries()].filter(([key]) => !done.has(key));
    if (pending.length === 0) return 0;
    const institutionIds = [...new Set(pending.map(([, value]) => value.institutionId))];
    const institutions = await loadInstitutions(trx, institutionIds);
    const recoveries = await selectOpenInstitutionRecoveries(trx, institutionIds);
    const carriedOf = new Map(
      carried.map((row) => [`${Number(row.institution_id)}|${row.ledger}`, Number(row.carried_out_fen)]),
    );
    const rows: Insertable<MedicalStatementsTable>[] = [];
    const postings: Posting[] = [];
    for (const [key, { institutionId, ledger }] of pending) {
      const institution = institutions.get(institutionId)!;
      const month = activity.find((row) => row.institutionId === institutionId && row.ledger === ledger);
      const claimsFen = (month?.pooledFen ?? 0) + (month?.accountFen ?? 0);
      const cancelledFen = month?.cancelledFen ?? 0;
      const carriedInFen = carriedOf.get(key) ?? 0;
      const grossFen = claimsFen - cancelledFen + carriedInFen;
      const deductedFen = grossFen > 0 ? Math.min(grossFen, Math.max(0, recoveries.get(key) ?? 0)) : 0;
      const paidFen = Math.max(0, grossFen - deductedFen);
      const carriedOutFen = Math.min(0, grossFen);
      const agreement = institution.agreements.filter((row) => row.valid_from <= to).at(-1);
      const statementNo = `MS${input.period.replace('-', '')}${institution.code}${ledger === 'medical' ? 'E' : 'R'}`;
      rows.push({
        statement_no: statementNo,
        institution_id: institutionId,
        region_code: institution.regionCode,
        ledger,
        period: input.period,
        claims: month?.claims ?? 0,
        pooled_fen: month?.pooledFen ?? 0,
        account_fen: month?.accountFen ?? 0,
        cancelled: month?.cancelled ?? 0,
        cancelled_fen: cancelledFen,
        carried_in_fen: carriedInFen,
        deducted_fen: deductedFen,
        paid_fen: paidFen,
        carried_out_fen: carriedOutFen,
        due_on: addDays(to, agreement?.payment_days ?? 30),
        paid_on: today,
        recorded_by: by,
        recorded_at: now.toISOString(),
      });
      const context = {
        eventKey: `medical-statement:${statementNo}`,
        businessDate: today,
        regionCode: institution.regionCode,
      };
      postings.push(...postMedicalStatementPayment(context, ledger, paidFen));
      postings.push(
        ...postMedicalRecoveryDeduction(
          { ...context, eventKey: `medical-statement-deduction:${statementNo}` },
          ledger,
          deductedFen,
        ),
      );
    }
    await insertStatements(trx, rows);
    await insertPostings(trx, postings, now.toISOString());
    return rows.length;
  });
  const statements = await selectStatementsOfPeriod(deps.db, prefix, input.period);
  return {
    regionCode: input.regionCode,
    period: input.period,
    drawn,
    statements: statements.map(toStatementView),
  };
}

export function toStatementView(row: StatementRow): StatementView {
  return {
    statementNo: row.statement_no,
    institutionId: Number(row.institution_id),
    ledger: row.ledger,
    period: row.period,
    claims: row.claims,
    pooledFen: Number(row.pooled_fen),
    accountFen: Number(row.account_fen),
    cancelled: row.cancelled,
    cancelledFen: Number(row.cancelled_fen),
    carriedInFen: Number(row.carried_in_fen),
    deductedFen: Number(row.deducted_fen),
    paidFen: Number(row.paid_fen),
    carriedOutFen: Number(row.carried_out_fen),
    dueOn: row.due_on,
    paidOn: row.paid_on,
  };
}
