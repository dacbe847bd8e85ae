import {
  addMonths,
  dateToPeriod,
  formatFenAsYuan,
  injuryBenefitTablesOf,
  injuryDisabilityBenefits,
  injuryOwnWage,
} from '@shebao/domain';
import { rightsRecord } from '../rights-record/index.ts';
import { requireApplication } from './read-application.ts';
import type { ApplicationRow } from './applications.repository.ts';
import type { InjuryBenefitsFacts, WorkInjuryFacts } from './applications.schemas.ts';
import type { ClaimAssessment } from './claim-assessment.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import { selectAppraisals } from './injury-appraisals.repository.ts';
import { assessInjuryDeath } from './assess-injury-death.ts';
import { assessInjuryMedical } from './assess-injury-medical.ts';
import { MONTHLY_PARTS } from './injury-allowance-at-retirement.ts';
import { stoppagePeriodViews } from './record-stoppage-period.ts';
import type { PersonLookup } from './file-application.ts';

/**
 * The benefits of an identified and appraised work injury (docs/RULES.md 15.1–15.3, 15.17): the own wage from
 * the contribution bases of the 12 months before the injury (the months the record has), held within 60–300%
 * of the regional average wage; by the latest appraisal's grade the one-time disability subsidy and, for
 * grades 1–4, the monthly disability allowance, with the nursing allowance, all out of the work-injury fund
 * from the month after the appraisal's conclusion. What the employer bears (the allowance of grades 5–6, the
 * late period, everything when it had not insured the person) is named in the explanation. Where the person
 * died of the injury, the survivors' death benefits instead (assess-injury-death.ts).
 */
export async function assessInjuryBenefits(
  deps: BenefitsDeps,
  persons: PersonLookup,
  row: ApplicationRow,
): Promise<ClaimAssessment> {
  const facts = JSON.parse(row.facts) as InjuryBenefitsFacts;
  const identification = await requireApplication(deps, facts.identificationId);
  const injury = JSON.parse(identification.facts) as WorkInjuryFacts;
  const assessment = await assessInjury(deps, persons, row, facts, identification, injury);
  // An employer that had not insured the person owes the benefits; the fund advances them (15.22).
  const uninsured = (JSON.parse(identification.decision_reasons ?? '[]') as { code: string }[]).some(
    (reason) => reason.code === 'employer-uninsured',
  );
  return uninsured && assessment.eligible
    ? { ...assessment, advancedForEmployer: injury.employerId }
    : assessment;
}

async function assessInjury(
  deps: BenefitsDeps,
  persons: PersonLookup,
  row: ApplicationRow,
  facts: InjuryBenefitsFacts,
  identification: ApplicationRow,
  injury: WorkInjuryFacts,
): Promise<ClaimAssessment> {
  if (facts.medical)
    return assessInjuryMedical({
      row,
      facts: { ...facts, medical: facts.medical },
      identificationNo: identification.application_no,
      payeeName: (await persons.getPerson(row.person_id)).name,
      employerBears: employerBearsOnIdentification(identification),
    });
  const book = await deps.policy.loadBook();
  const injuryMonth = dateToPeriod(injury.eventDate);
  const at = { regionCode: row.region_code, period: injuryMonth };
  const averageWageFen = book.require<number>('base.averageWage', at).value;
  const minimumWage = book.find<number>('minimumWage', at);
  const tables = injuryBenefitTablesOf(book, at);
  const record = await rightsRecord({ db: deps.db, clock: deps.clock }, { personId: row.person_id });
  const from = addMonths(injuryMonth, -12);
  const bases = new Map<string, number>();
  for (const month of record.months)
    if (month.period >= from && month.period < injuryMonth && month.insurances.work_injury.baseFen > 0)
      bases.set(month.period, (bases.get(month.period) ?? 0) + month.insurances.work_injury.baseFen);
  // Injured in the first month of work, the person has no month before it: the base of that month stands in.
  const injuryMonthBase = record.months
    .filter((month) => month.period === injuryMonth)
    .reduce((sum, month) => sum + month.insurances.work_injury.baseFen, 0);
  const monthlyBasesFen = bases.size > 0 ? [...bases.values()] : injuryMonthBase > 0 ? [injuryMonthBase] : [];
  if (monthlyBasesFen.length === 0)
    return refuse(
      'no-base',
      'The record has no work-injury contribution base before the injury.',
      'WIIR Art. 64',
    );
  const ownWage = injuryOwnWage({
    monthlyBasesFen,
    averageWageFen,
    bounds: tables.rule.ownWage,
    source: tables.source,
  });
  const employerBears = employerBearsOnIdentification(identification);
  if (facts.death) employerBears.push(await stoppageBorne(deps, identification.id));
  if (facts.death)
    return assessInjuryDeath({
      book,
      row,
      facts: { ...facts, death: facts.death },
      identificationNo: identification.application_no,
      ownWageFen: ownWage.ownWageFen,
      tables,
      employerBears,
    });
  const appraisal = (await selectAppraisals(deps.db, identification.id)).at(-1);
  if (!appraisal)
    return refuse('not-appraised', 'The injury has no labour-capability appraisal yet.', 'WIIR Art. 21');
  if (appraisal.grade === null && appraisal.nursing === 'none')
    return refuse(
      'no-grade',
      'The appraisal found no disability grade and no need of nursing.',
      'WIIR Arts. 22, 35–37',
    );
  const benefits = injuryDisabilityBenefits({
    grade: appraisal.grade ?? 10,
    ownWageFen: ownWage.ownWageFen,
    averageWageFen,
    ...(minimumWage ? { minimumWageFen: minimumWage.value } : {}),
    nursing: appraisal.nursing,
    tables,
  });
  const graded = appraisal.grade !== null;
  const oneTimeSubsidyFen = graded ? benefits.oneTimeSubsidyFen : 0;
  const fundAllowanceFen = benefits.allowancePayer === 'fund' && graded ? benefits.monthlyAllowanceFen : 0;
  const monthlyFen = fundAllowanceFen + benefits.nursingMonthlyFen;
  const person = await persons.getPerson(row.person_id);
  const validFrom = addMonths(dateToPeriod(appraisal.concluded_on), 1);
  if (benefits.allowancePayer === 'employer' && graded)
    employerBears.unshift(
      `the monthly disability allowance of grade ${appraisal.grade}, ${formatFenAsYuan(benefits.monthlyAllowanceFen)} yuan, while it arranges no suitable work (WIIR Art. 36)`,
    );
  employerBears.push(await stoppageBorne(deps, identification.id, appraisal.concluded_on));
  return {
    eligible: true,
    reasons: [],
    fund: 'work_injury',
    monthlyFen,
    validFrom,
    oneTimePayments:
      oneTimeSubsidyFen > 0
        ? [
            {
              kind: 'injury-disability-subsidy',
              amountFen: oneTimeSubsidyFen,
              payeeName: person.name,
              payee: facts.payee,
              reason: `One-time disability subsidy, grade ${appraisal.grade}: ${formatFenAsYuan(oneTimeSubsidyFen)} yuan`,
            },
          ]
        : [],
    explanation: {
      ownWage: ownWage.explanation,
      oneTimeSubsidy: benefits.explanation.oneTimeSubsidy,
      monthlyAllowance: benefits.explanation.monthlyAllowance,
      nursing: benefits.explanation.nursing,
      appraisal: {
        rule: 'The latest conclusion of the labour-capability appraisal.',
        formula: `${appraisal.kind}: ${graded ? `grade ${appraisal.grade}` : 'no grade'}, nursing ${appraisal.nursing}`,
        inputs: { concludedOn: appraisal.concluded_on, committeeRef: appraisal.committee_ref },
        sources: ['WIIR Arts. 21–28'],
      },
      [MONTHLY_PARTS]: {
        rule: 'The monthly amount: the disability allowance from the fund and the nursing allowance.',
        formula: `${formatFenAsYuan(fundAllowanceFen)} + ${formatFenAsYuan(benefits.nursingMonthlyFen)} = ${formatFenAsYuan(monthlyFen)}`,
        inputs: {
          disabilityAllowance: `${formatFenAsYuan(fundAllowanceFen)} yuan`,
          nursingAllowance: `${formatFenAsYuan(benefits.nursingMonthlyFen)} yuan`,
        },
        sources: ['WIIR Arts. 34, 35'],
        // The amounts themselves, for the pension that takes the allowance's place (15.5).
        allowanceFen: fundAllowanceFen,
        nursingFen: benefits.nursingMonthlyFen,
      },
      employerBears,
    },
    reason:
      `Work-injury benefits of ${identification.application_no} (${graded ? `grade ${appraisal.grade}` : 'no grade'}, nursing ${appraisal.nursing}): ` +
      `${oneTimeSubsidyFen > 0 ? `one-time subsidy ${formatFenAsYuan(oneTimeSubsidyFen)} yuan; ` : ''}` +
      `${monthlyFen > 0 ? `${formatFenAsYuan(monthlyFen)} yuan a month from ${validFrom}` : 'no monthly benefit from the fund'}`,
    decisionSource: 'WIIR Arts. 33–37, 64; SIL Arts. 38–39',
  };
}

/**
 * The wage the employer pays during the stoppage period with pay (15.23): the period recorded, ended early by
 * an appraisal concluded within it, or the rule where none is recorded.
 */
async function stoppageBorne(
  deps: BenefitsDeps,
  identificationId: number,
  appraisedOn?: string,
): Promise<string> {
  const periods = await stoppagePeriodViews(deps, identificationId);
  if (periods.length === 0)
    return 'the wage during the stoppage period with pay, up to 12 months and 12 more (WIIR Art. 33)';
  const from = periods[0]!.startsOn;
  const to = periods.at(-1)!.endsOn;
  if (appraisedOn !== undefined && appraisedOn < to)
    return `the wage during the stoppage period with pay from ${from} to the appraisal of ${appraisedOn} (WIIR Art. 33)`;
  const months = periods.reduce((sum, period) => sum + period.months, 0);
  return `the wage during the stoppage period with pay from ${from} to ${to} (${months} months; WIIR Art. 33)`;
}

/** What the identification found the employer bears: the late period, or everything when uninsured (15.15). */
function employerBearsOnIdentification(identification: ApplicationRow): string[] {
  const reasons = JSON.parse(identification.decision_reasons ?? '[]') as { code: string; message: string }[];
  return reasons
    .filter((reason) => reason.code === 'employer-late' || reason.code === 'employer-uninsured')
    .map((reason) => reason.message);
}

function refuse(code: string, message: string, source: string): ClaimAssessment {
  return { eligible: false, reasons: [{ code, message, source }] };
}
