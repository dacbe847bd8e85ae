import { dateToPeriod, formatFenAsYuan } from '@shebao/domain';
import type { ApplicationRow } from './applications.repository.ts';
import type { InjuryBenefitsFacts, InjuryMedicalFacts } from './applications.schemas.ts';
import type { ClaimAssessment } from './claim-assessment.ts';

/**
 * The medical costs of a work injury the person paid at an agreement institution (docs/RULES.md 15.24): the
 * work-injury fund reimburses those within the catalogues and standards of work-injury insurance, once, to the
 * claimant; the rest is not the fund's to pay.
 */
export function assessInjuryMedical(input: {
  row: ApplicationRow;
  facts: InjuryBenefitsFacts & { medical: InjuryMedicalFacts };
  identificationNo: string;
  payeeName: string;
  employerBears: string[];
}): ClaimAssessment {
  const { medical } = input.facts;
  if (medical.coveredFen === 0)
    return {
      eligible: false,
      reasons: [
        {
          code: 'nothing-covered',
          message: 'None of the costs is within the catalogues and standards of work-injury insurance.',
          source: 'WIIR Art. 30',
        },
      ],
    };
  const notCoveredFen = medical.costsFen - medical.coveredFen;
  return {
    eligible: true,
    reasons: [],
    fund: 'work_injury',
    monthlyFen: 0,
    validFrom: dateToPeriod(input.row.filed_on),
    oneTimePayments: [
      {
        kind: 'injury-medical',
        amountFen: medical.coveredFen,
        payeeName: input.payeeName,
        payee: input.facts.payee,
        reason: `Medical costs of the work injury at ${medical.institution}: ${formatFenAsYuan(medical.coveredFen)} yuan`,
      },
    ],
    explanation: {
      injuryMedical: {
        rule: 'The costs of treating a work injury at an agreement institution, within the catalogues and standards of work-injury insurance, are paid by the work-injury fund.',
        formula: `${formatFenAsYuan(medical.costsFen)} − ${formatFenAsYuan(notCoveredFen)} not covered = ${formatFenAsYuan(medical.coveredFen)}`,
        inputs: {
          institution: medical.institution,
          treatment: `${medical.treatedFrom} – ${medical.treatedTo}`,
          costs: `${formatFenAsYuan(medical.costsFen)} yuan`,
          covered: `${formatFenAsYuan(medical.coveredFen)} yuan`,
        },
        sources: ['WIIR Art. 30', 'SIL Art. 38'],
      },
      employerBears: input.employerBears,
    },
    reason: `Medical costs of the work injury ${input.identificationNo} at ${medical.institution} from ${medical.treatedFrom} to ${medical.treatedTo}: ${formatFenAsYuan(medical.coveredFen)} yuan reimbursed`,
    decisionSource: 'WIIR Art. 30; SIL Art. 38',
  };
}
