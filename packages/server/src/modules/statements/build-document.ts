import { addMonths } from '@shebao/domain';
import type { AccountYear, RightsRecord } from '../rights-record/index.ts';
import { STATEMENT_SCHEMA, type StatementDocument, type StatementKindName } from './statements.schemas.ts';

/** What a statement certifies, taken from the person's rights record for its period. */
export function buildStatementDocument(
  record: RightsRecord,
  header: { kind: StatementKindName; code: string; issuedAt: string; keyId: string },
): StatementDocument {
  return {
    schema: STATEMENT_SCHEMA,
    kind: header.kind,
    code: header.code,
    issuedAt: header.issuedAt,
    keyId: header.keyId,
    subject: {
      name: record.person.name,
      idNumberMasked: record.person.idNumberMasked,
      regionCode: record.person.regionCode,
    },
    period: { from: record.from, to: record.to },
    contributionMonths: record.contributionMonths.map((months) => ({
      insurance: months.insurance,
      inPeriod: months.inRange,
      cumulative: months.cumulative,
      cumulativePaid: months.cumulativePaid,
    })),
    amounts: {
      employerFen: record.totals.employerFen,
      employeeFen: record.totals.employeeFen,
      totalFen: record.totals.totalFen,
      owedMonths: record.totals.owedMonths,
    },
    payers: payerSpans(record),
    accounts: {
      pension: summariseAccount(record.accounts.pension),
      medical: summariseAccount(record.accounts.medical),
    },
    gaps: record.gaps,
    overlaps: record.overlaps.map((overlap) => overlap.period),
  };
}

/** Runs of consecutive months with the same payer, in order of their first month. */
function payerSpans(record: RightsRecord): StatementDocument['payers'] {
  const open = new Map<string, StatementDocument['payers'][number]>();
  const spans: StatementDocument['payers'] = [];
  for (const month of record.months) {
    let span = open.get(month.payerKey);
    if (!span || addMonths(span.to, 1) !== month.period) {
      span = {
        employerName: month.employerName,
        from: month.period,
        to: month.period,
        months: 0,
        employerFen: 0,
        employeeFen: 0,
        owedMonths: 0,
      };
      open.set(month.payerKey, span);
      spans.push(span);
    }
    span.to = month.period;
    span.months += 1;
    span.employerFen += month.employerFen;
    span.employeeFen += month.employeeFen;
    if (month.status !== 'paid') span.owedMonths += 1;
  }
  return spans;
}

function summariseAccount(years: AccountYear[]): StatementDocument['accounts']['pension'] {
  return {
    openingFen: years[0]?.openingFen ?? 0,
    contributionsFen: years.reduce((sum, year) => sum + year.contributionsFen, 0),
    interestFen: years.reduce((sum, year) => sum + year.interestFen, 0),
    spentFen: years.reduce((sum, year) => sum + year.spentFen, 0),
    closingFen: years.at(-1)?.closingFen ?? 0,
  };
}
