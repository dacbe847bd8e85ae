/**
 * The English of `staff-terms.zh-cn.ts`, mounted under staffPages.terms.
 */
import type { Widen } from '../messages.ts';
import type { staffTermsZhCN } from './staff-terms.zh-cn.ts';

export const staffTermsEn: Widen<typeof staffTermsZhCN> = {
  parameters: {
    contribution: {
      rate: 'Contribution rate',
      fixedMonthly: 'Fixed monthly contribution',
      personalAccountRate: 'Share credited to the personal account',
      rounding: 'Rounding of contributions',
    },
    base: {
      floor: 'Contribution base floor',
      ceiling: 'Contribution base ceiling',
      rounding: 'Rounding of bases',
      averageWage: 'Average monthly wage',
      cycleStartMonth: 'First month of the contribution year',
    },
    workInjury: {
      benefitTables: 'Work-injury disability benefits by grade',
      deathBenefits: 'Work-death benefits',
      classRates: 'Work-injury base rates by industry class (1–8)',
    },
    collection: {
      dueDay: 'Due day (of the following month)',
      undeclaredEstimateRate: "Estimate for an undeclared month (share of the previous month's)",
      bankAccount: 'Collection account payers transfer to',
    },
    lateFee: { dailyRate: 'Late fee per day' },
    pension: {
      calculationBase: 'Pension calculation base',
      divisors: 'Personal-account pension divisors',
      divisorPolicy: 'How a divisor is chosen',
      transitional: 'Transitional pension',
      rounding: 'Rounding of pensions',
      minContributionMonths: 'Minimum contribution months for a pension',
      creditingRate: 'Personal-account crediting rate',
      creditingMethod: 'Personal-account interest method',
    },
    statistics: { urbanDisposableIncome: 'National per-capita disposable income of urban residents' },
    unemployment: {
      duration: 'Months of unemployment benefit (national)',
      regionalSchedule: 'Months of unemployment benefit (regional schedule)',
      monthlyStandard: 'Unemployment benefit standard',
      medicalPremium: 'Medical premiums of benefit recipients (paid by the unemployment fund)',
    },
    maternity: {
      leave: 'Maternity leave days',
      leaveExtension: 'Extended maternity leave (allowance paid)',
      allowance: 'Maternity allowance rule',
      medical: 'Maternity medical costs standard',
    },
    medical: {
      employeeBenefits: "Employees' pooling fund terms (deductibles, ratios, caps)",
      residentBenefits: "Residents' pooling fund terms",
      retireeAccountCredit: "Retirees' monthly medical account credit",
      retireeMinimumYears: "Retirees' minimum medical contribution years",
      accountForRelatives: 'Medical account may pay for close relatives',
      supervision: 'Thresholds of the claim review rules',
    },
    minimumWage: 'Monthly minimum wage',
    benefits: {
      decisionClock: 'Days to decide an application, by kind',
      statutoryClocks: 'Statutory clocks of work injury, unemployment and maternity',
    },
    death: {
      funeralGrant: 'Funeral grant standard',
      survivorsBenefit: 'Survivors’ one-time benefit standard',
      inheritance: 'What heirs inherit of personal accounts',
    },
    calendar: { workingDays: 'Public holidays and weekend days worked' },
    residents: {
      pension: {
        grades: 'Residents’ pension contribution grades',
        basicMinimum: 'Residents’ basic pension minimum',
      },
      medical: {
        individualMinimum: 'Residents’ medical insurance individual contribution',
        subsidyMinimum: 'Residents’ medical insurance public subsidy',
      },
    },
  },
  tableFields: { bank: 'Bank', accountName: 'Account name', accountNo: 'Account number' },
  deathRules: {
    fixed: 'A fixed {{amount}}',
    monthsOfBase: '{{months}} months × a monthly base of {{base}}',
    band: 'from {{from}} years: {{months}} months, {{extra}} more a year beyond',
    survivors: 'Monthly base {{base}}; {{bands}}; at most {{max}} months',
    wholeBalance: 'The whole account balance is inherited',
    excludeSubsidy: 'Residents’ government subsidies are not inherited',
  },
  sourceTags: {
    R: 'Checked',
    RHelp: 'The value was checked against the published policy document',
    U: 'Unverified',
    UHelp: 'The value has not been checked against a policy document; verify it before relying on it',
    legend:
      '“Checked”: the value was checked against the published policy document; “Unverified”: not checked yet, verify it before relying on it.',
  },
  approvalFields: {
    name: 'Parameter',
    regionCode: 'Region',
    insurance: 'Insurance',
    party: 'Payer',
    category: 'Category',
    validFrom: 'Valid from',
    validTo: 'Valid until',
    value: 'Value',
    source: 'Source',
    employerId: 'Employer number',
    personId: 'Person number',
    creditCode: 'Unified social credit code',
    idNumber: 'Identity number',
    cycleStart: 'Contribution year',
    period: 'Month',
    declaredFen: 'Declared base',
    amountFen: 'Amount',
    paymentNo: 'Payment number',
    payerKey: 'Payer',
    reason: 'Reason',
    note: 'Note',
  },
  approvedMessage: 'Approval {{id}} approved: the change is in effect.',
  rejectedMessage: 'Approval {{id}} rejected.',
  notLimited: 'Any',
};
