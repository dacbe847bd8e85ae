import {
  NATIONAL_REGION,
  addMonths,
  dateToPeriod,
  formatFenAsYuan,
  injuryDeathBenefits,
  injuryDeathRuleOf,
  type InjuryBenefitTables,
  type PolicyBook,
  type RegionalRule,
} from '@shebao/domain';
import type { ApplicationRow } from './applications.repository.ts';
import type { InjuryBenefitsFacts, InjuryDeathFacts } from './applications.schemas.ts';
import type { ClaimAssessment } from './claim-assessment.ts';

/**
 * The death benefits of a work injury (docs/RULES.md 15.4, 15.17): the funeral subsidy and the one-time
 * work-death subsidy paid once to the claiming survivor, and the survivors' monthly pension from the month
 * after the death, all out of the work-injury fund. The own wage is the one the record gives (15.1); the
 * average wage is the region's in force in the month of death, the urban income the year's before it.
 */
export function assessInjuryDeath(input: {
  book: PolicyBook;
  row: ApplicationRow;
  facts: InjuryBenefitsFacts & { death: InjuryDeathFacts };
  identificationNo: string;
  ownWageFen: number;
  tables: RegionalRule<InjuryBenefitTables>;
  employerBears: string[];
}): ClaimAssessment {
  const { book, row, facts, ownWageFen } = input;
  const death = facts.death;
  const deathMonth = dateToPeriod(death.diedOn);
  const at = { regionCode: row.region_code, period: deathMonth };
  const averageWage = book.find<number>('base.averageWage', at);
  if (!averageWage)
    return refuse('no-average-wage', `The region has no average wage for ${deathMonth}.`, 'WIIR Art. 39');
  const incomeYear = Number(death.diedOn.slice(0, 4)) - 1;
  const income = book.find<number>('statistics.urbanDisposableIncome', {
    regionCode: NATIONAL_REGION,
    period: `${incomeYear}-12`,
  });
  if (!income)
    return refuse(
      'no-urban-income',
      `The national urban per-capita disposable income of ${incomeYear} is not in the policy book yet.`,
      'WIIR Art. 39',
    );
  const benefits = injuryDeathBenefits({
    ownWageFen,
    averageWageFen: averageWage.value,
    urbanIncomeFen: income.value,
    spouse: death.spouse,
    dependents: death.otherDependents,
    extra: death.orphansOrLoneElderly,
    rule: injuryDeathRuleOf(book, at),
    tables: input.tables,
    urbanIncomeSource: income.parameter.source,
  });
  const validFrom = addMonths(deathMonth, 1);
  const paid = (kind: 'injury-funeral' | 'injury-death-subsidy', amountFen: number, what: string) => ({
    kind,
    amountFen,
    payeeName: death.claimantName,
    payee: facts.payee,
    reason: `${what}: ${formatFenAsYuan(amountFen)} yuan`,
  });
  return {
    eligible: true,
    reasons: [],
    fund: 'work_injury',
    monthlyFen: benefits.survivorsMonthlyFen,
    validFrom,
    payeeName: death.claimantName,
    rollKind: SURVIVORS_ROLL_KIND,
    oneTimePayments: [
      paid('injury-funeral', benefits.funeralFen, 'Funeral subsidy of a work-injury death'),
      paid('injury-death-subsidy', benefits.oneTimeFen, 'One-time work-death subsidy'),
    ].filter((payment) => payment.amountFen > 0),
    explanation: {
      ...benefits.explanation,
      death: {
        rule: 'The injured person died of the identified injury; the survivors claim through one of them.',
        formula: `died on ${death.diedOn}; survivors’ pension from ${validFrom}`,
        inputs: {
          claimant: death.claimantName,
          spouse: death.spouse ? 'yes' : 'no',
          otherDependents: `${death.otherDependents}`,
          orphansOrLoneElderly: `${death.orphansOrLoneElderly}`,
        },
        sources: ['WIIR Art. 39'],
      },
      employerBears: input.employerBears,
    },
    reason:
      `Work-injury death benefits of ${input.identificationNo} (died ${death.diedOn}): funeral subsidy ` +
      `${formatFenAsYuan(benefits.funeralFen)} yuan, one-time work-death subsidy ${formatFenAsYuan(benefits.oneTimeFen)} yuan; ` +
      (benefits.survivorsMonthlyFen > 0
        ? `survivors' pension ${formatFenAsYuan(benefits.survivorsMonthlyFen)} yuan a month from ${validFrom}`
        : 'no dependent survivors, no survivors’ pension'),
    decisionSource: 'WIIR Arts. 39, 64; SIL Art. 38',
  };
}

/**
 * The payroll's kind of a survivors' pension: it is paid to the survivors, so a death report of the injured
 * person does not stop it (workflows/confirm-death.ts).
 */
export const SURVIVORS_ROLL_KIND = 'injury-survivors';

function refuse(code: string, message: string, source: string): ClaimAssessment {
  return { eligible: false, reasons: [{ code, message, source }] };
}
