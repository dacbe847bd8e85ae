import {
  dateToPeriod,
  formatFenAsYuan,
  leaveExtensionOf,
  maternityAllowance,
  maternityAllowanceRuleOf,
  maternityLeaveDays,
  maternityLeaveRuleOf,
  maternityMedicalBenefit,
  maternityMedicalRuleOf,
  roundRatio,
  type BirthKind,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { ApplicationRow } from './applications.repository.ts';
import type { MaternityFacts } from './applications.schemas.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import type { ClaimAssessment } from './claim-assessment.ts';
import { selectEmployerYearBases } from './employer-average-wage.repository.ts';
import { employmentOn } from './filing-checks.ts';
import type { PersonLookup } from './file-application.ts';
import type { AwardOneTimePayment } from './record-award.ts';

function birthKindOf(facts: MaternityFacts): BirthKind {
  if (facts.event === 'miscarriage')
    return facts.miscarriageStage === 'early' ? 'miscarriageEarly' : 'miscarriageLate';
  return facts.dystocia ? 'dystocia' : 'normal';
}

/**
 * A maternity claim worked out from the record and the region's policy in force in the month of the birth
 * (docs/RULES.md 15.10–15.13, 15.19): the insured woman's allowance (her employer's previous-year average monthly
 * wage ÷ 30 × the leave days) and the medical benefit, both out of the medical fund; for the unemployed spouse
 * of an insured man, the medical benefit only. The allowance goes to the employer or the woman as the region
 * says; the employer's account is the one it registered.
 */
export async function assessMaternity(
  deps: BenefitsDeps,
  persons: PersonLookup,
  row: ApplicationRow,
): Promise<ClaimAssessment> {
  const facts = JSON.parse(row.facts) as MaternityFacts;
  const book = await deps.policy.loadBook();
  const at = { regionCode: row.region_code, period: dateToPeriod(facts.eventDate) };
  const person = await persons.getPerson(row.person_id);
  const employments = await persons.listPersonEmployments(row.person_id);
  const employment = employments.find((candidate) =>
    employmentOn([candidate], candidate.employerId, facts.eventDate),
  );
  if (!employment)
    return ineligible(
      'not-insured',
      `${person.name} was not insured through an employer on ${facts.eventDate}.`,
    );
  const birth = birthKindOf(facts);
  const medicalRule = maternityMedicalRuleOf(book, at);
  const medical = medicalRule
    ? maternityMedicalBenefit({
        birth,
        ...(facts.medicalCostsFen === undefined ? {} : { actualCostFen: facts.medicalCostsFen }),
        rule: medicalRule,
      })
    : null;
  const oneTimePayments: AwardOneTimePayment[] = [];
  const explanation: Record<string, unknown> = {};
  if (medical && medical.amountFen > 0) {
    oneTimePayments.push({
      kind: 'maternity-medical',
      amountFen: medical.amountFen,
      payeeName: person.name,
      payee: facts.payee,
      reason: `Maternity medical benefit: ${formatFenAsYuan(medical.amountFen)} yuan`,
    });
    explanation.medical = medical.explanation;
  }
  if (!facts.spouse) {
    const leave = maternityLeaveDays({
      dystocia: facts.dystocia,
      babies: facts.babies,
      miscarriage: facts.event === 'miscarriage' ? facts.miscarriageStage! : null,
      leave: maternityLeaveRuleOf(book, at),
      regionalExtension: leaveExtensionOf(book, at),
    });
    const year = Number(facts.eventDate.slice(0, 4)) - 1;
    const bases = await selectEmployerYearBases(deps.db, employment.employerId, year);
    if (bases.months === 0)
      return ineligible(
        'no-employer-wage',
        `The employer declared no wages for ${year}: its average wage of the year cannot be worked out; staff decide on the wage it proves.`,
      );
    const averageFen = roundRatio(BigInt(bases.totalFen), BigInt(bases.months), 'half-up-fen');
    const rule = maternityAllowanceRuleOf(book, at);
    const allowance = maternityAllowance({
      employerAverageWageFen: averageFen,
      leaveDays: leave.leaveDays,
      rule,
    });
    const employer = await persons.getEmployer(employment.employerId);
    const toEmployer = rule.rule.payee === 'employer';
    if (toEmployer && !employer.bankAccount)
      throw new AppError(
        ErrorCode.VALIDATION,
        `applicationId: the region pays the allowance to the employer, and employer ${employment.employerId} has registered no bank account`,
        { field: 'applicationId', detailCode: 'facts-inconsistent' },
      );
    oneTimePayments.unshift({
      kind: 'maternity-allowance',
      amountFen: allowance.allowanceFen,
      payeeName: toEmployer ? employer.name : person.name,
      payee: toEmployer ? { kind: 'bank', account: employer.bankAccount! } : facts.payee,
      reason: `Maternity allowance for ${leave.leaveDays} days: ${formatFenAsYuan(allowance.allowanceFen)} yuan`,
    });
    explanation.leaveDays = leave.explanation;
    explanation.employerAverageWage = {
      rule: "The employer's average monthly wage of the previous year: its employees' medical insurance bases of every month of the year added up ÷ the employee months, half-up to the fen.",
      formula: `${formatFenAsYuan(bases.totalFen)} ÷ ${bases.months} = ${formatFenAsYuan(averageFen)}`,
      inputs: { employerId: String(employment.employerId), year: String(year) },
      sources: ['SIL Art. 56'],
    };
    explanation.allowance = allowance.explanation;
  }
  if (oneTimePayments.length === 0)
    return ineligible(
      'nothing-to-pay',
      'The region pays no maternity medical benefit and nothing else is owed.',
    );
  const totalFen = oneTimePayments.reduce((sum, payment) => sum + payment.amountFen, 0);
  return {
    eligible: true,
    reasons: [],
    fund: 'medical',
    monthlyFen: 0,
    validFrom: dateToPeriod(facts.eventDate),
    oneTimePayments,
    explanation,
    reason: `Maternity benefits for the ${facts.event} of ${facts.eventDate}${facts.spouse ? ` (the spouse ${facts.spouse.name}: medical part, SIL Art. 54)` : ''}: ${formatFenAsYuan(totalFen)} yuan`,
    decisionSource: facts.spouse ? 'SIL Arts. 54, 55' : 'SIL Arts. 53–56; WLP Art. 7',
  };
}

function ineligible(code: string, message: string): ClaimAssessment {
  return { eligible: false, reasons: [{ code, message, source: 'SIL Arts. 53–56' }] };
}
