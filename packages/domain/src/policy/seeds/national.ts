import { NATIONAL_DIVISORS, NATIONAL_DIVISORS_SOURCE } from '../../benefits/pension/divisor-table.ts';
import { NATIONAL_REGION as CN } from '../dimensions.ts';
import type { PolicyParameter } from '../parameter.ts';
import { seed } from './seed-row.ts';

const EMPLOYEE = { category: 'employee' } as const;
const FLEXIBLE = { category: 'flexible', party: 'employee' } as const;
const ROUNDING_DEFAULT = 'Shebao default (docs/RULES.md 2.2): half-up to the fen, 四舍五入到分';

/** National crediting rates of the pension personal account, % with two decimals (docs/RULES.md 3.3). */
const CREDITING_RATES: [number, number, string][] = [
  [2016, 83100, ''],
  [2017, 71200, ''],
  [2018, 82900, ''],
  [2019, 76100, ''],
  [2020, 60400, ''],
  [2021, 66900, ''],
  [2022, 61200, ''],
  [2023, 39700, ''],
  [2024, 26200, ''],
  [2025, 15000, ' (one source only, not confirmed) [U]'],
];

/** Minimum contribution years by retirement year (NPC-2024 annex), in months. */
function minimumYearsRows(): PolicyParameter[] {
  const rows = [seed('pension.minContributionMonths', CN, '1998-01', 180, 'SIL Art. 16; NPC-2024 annex')];
  for (let year = 2030; year <= 2039; year += 1) {
    rows.push(
      seed('pension.minContributionMonths', CN, `${year}-01`, 180 + (year - 2029) * 6, 'NPC-2024 annex'),
    );
  }
  return rows;
}

/** Days off by the State Council General Office's yearly notices (docs/RULES.md 14.2). */
const HOLIDAYS_2025 = [
  '2025-01-01',
  ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'].map((day) => `2025-${day}`),
  ...['04-04', '04-05', '04-06', '05-01', '05-02', '05-03', '05-04', '05-05'].map((day) => `2025-${day}`),
  ...['05-31', '06-01', '06-02'].map((day) => `2025-${day}`),
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08'].map((day) => `2025-${day}`),
];
const WORKED_WEEKENDS_2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];
const HOLIDAYS_2026 = [
  ...['01-01', '01-02', '01-03'].map((day) => `2026-${day}`),
  ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'].map(
    (day) => `2026-${day}`,
  ),
  ...['04-04', '04-05', '04-06', '05-01', '05-02', '05-03', '05-04', '05-05'].map((day) => `2026-${day}`),
  ...['06-19', '06-20', '06-21', '09-25', '09-26', '09-27'].map((day) => `2026-${day}`),
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((day) => `2026-${day}`),
];
const WORKED_WEEKENDS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

export const NATIONAL_PARAMETERS: PolicyParameter[] = [
  // Employees of enterprises
  seed('contribution.rate', CN, '2019-05', 160000, 'GBF-2019-13 (pension employer 16%)', {
    ...EMPLOYEE,
    insurance: 'pension',
    party: 'employer',
  }),
  seed('contribution.rate', CN, '2006-01', 80000, 'GF-2005-38 (pension employee 8%)', {
    ...EMPLOYEE,
    insurance: 'pension',
    party: 'employee',
  }),
  seed('contribution.personalAccountRate', CN, '2006-01', 80000, 'GF-2005-38 (8% to the personal account)', {
    ...EMPLOYEE,
    insurance: 'pension',
    party: 'employee',
  }),
  seed('contribution.rate', CN, '1999-01', 20000, 'GF-1998-44 (medical employee 2%)', {
    ...EMPLOYEE,
    insurance: 'medical',
    party: 'employee',
  }),
  seed(
    'contribution.personalAccountRate',
    CN,
    '2021-04',
    20000,
    "GBF-2021-14 (employee's 2% to the medical personal account)",
    { ...EMPLOYEE, insurance: 'medical', party: 'employee' },
  ),
  seed('contribution.rate', CN, '1999-01', 20000, 'UIR Art. 6 (unemployment employer 2%)', {
    ...EMPLOYEE,
    insurance: 'unemployment',
    party: 'employer',
  }),
  seed('contribution.rate', CN, '1999-01', 10000, 'UIR Art. 6 (unemployment employee 1%)', {
    ...EMPLOYEE,
    insurance: 'unemployment',
    party: 'employee',
  }),
  seed(
    'contribution.rate',
    CN,
    '2017-01',
    5000,
    '人社部发〔2017〕14号 (1% in total; split set by province)',
    { ...EMPLOYEE, insurance: 'unemployment', party: 'employer' },
  ),
  seed(
    'contribution.rate',
    CN,
    '2017-01',
    5000,
    '人社部发〔2017〕14号 (1% in total; split set by province)',
    { ...EMPLOYEE, insurance: 'unemployment', party: 'employee' },
  ),
  seed(
    'workInjury.classRates',
    CN,
    '2015-10',
    { 1: 2000, 2: 4000, 3: 7000, 4: 9000, 5: 11000, 6: 13000, 7: 16000, 8: 19000 },
    'RSB-2015-71',
  ),
  // Flexible workers pay the whole pension premium themselves, 8 of the 20 points to the account
  seed('contribution.rate', CN, '2006-01', 200000, 'GF-2005-38 (flexible workers 20%)', {
    ...FLEXIBLE,
    insurance: 'pension',
  }),
  seed('contribution.personalAccountRate', CN, '2006-01', 80000, 'GF-2005-38 (8% to the personal account)', {
    ...FLEXIBLE,
    insurance: 'pension',
  }),
  // Rounding and bases
  seed('contribution.rounding', CN, '1990-01', 'half-up-fen', ROUNDING_DEFAULT),
  seed(
    'base.cycleStartMonth',
    CN,
    '1990-01',
    1,
    'Collection Regs; calendar year unless the region says otherwise',
  ),
  seed(
    'collection.dueDay',
    CN,
    '1990-01',
    15,
    'Collection Regs Art. 10 (monthly declaration and payment); default the 15th of the next month',
  ),
  seed(
    'collection.undeclaredEstimateRate',
    CN,
    '2011-07',
    1_100_000,
    'SIL Art. 62 (110% of the previous month until the employer declares)',
  ),
  seed('lateFee.dailyRate', CN, '2011-07', 500, 'SIL Art. 86 (0.05% per day)'),
  // Pension benefit
  seed('pension.divisors', CN, '2006-01', NATIONAL_DIVISORS, `${NATIONAL_DIVISORS_SOURCE} (计发月数)`),
  seed(
    'pension.divisorPolicy',
    CN,
    '2006-01',
    { name: 'whole-years' },
    'GF-2005-38 annex (divisor of the completed age); ages with extra months: Shebao default (docs/RULES.md 4.5) [U]',
  ),
  seed('pension.rounding', CN, '2006-01', 'half-up-fen', ROUNDING_DEFAULT),
  seed(
    'pension.transitional',
    CN,
    '2006-01',
    { name: 'none' },
    'GF-2005-38 (transitional pension set by each province)',
  ),
  ...minimumYearsRows(),
  ...CREDITING_RATES.map(([year, ratePpm, note]) =>
    seed(
      'pension.creditingRate',
      CN,
      `${year}-01`,
      ratePpm,
      `MOHRSS/MOF yearly notice on the crediting rate ${year}${note}`,
      { validTo: `${year}-12` },
    ),
  ),
  seed(
    'pension.creditingMethod',
    CN,
    '1998-01',
    { name: 'half-year-factor', factorPpm: 1083000 },
    '劳办发〔1997〕116号 (contributions of the year earn r × 1.083 / 2), as provinces use it; Shebao default (docs/RULES.md 3.4) [U]',
  ),
  // Residents' schemes
  seed(
    'residents.pension.grades',
    CN,
    '2014-02',
    [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000].map((yuan) => yuan * 100),
    'GF-2014-8',
  ),
  seed('residents.pension.basicMinimum', CN, '2014-07', 7000, 'GF-2014-8 and 2014 adjustment'),
  seed('residents.pension.basicMinimum', CN, '2018-01', 8800, 'MOHRSS 2018 adjustment'),
  seed('residents.pension.basicMinimum', CN, '2020-01', 9300, 'MOHRSS 2020 adjustment'),
  seed('residents.pension.basicMinimum', CN, '2023-01', 10300, 'MOHRSS 2023 adjustment'),
  seed('residents.pension.basicMinimum', CN, '2024-01', 12300, 'MOHRSS 2024 adjustment'),
  seed('residents.pension.basicMinimum', CN, '2025-01', 14300, 'MOHRSS 2025 adjustment'),
  seed('residents.medical.individualMinimum', CN, '2024-01', 40000, '医保发〔2024〕19号'),
  seed('residents.medical.subsidyMinimum', CN, '2024-01', 67000, '医保发〔2024〕19号'),
  seed(
    'residents.medical.subsidyMinimum',
    CN,
    '2025-01',
    70000,
    '2025 national financing notice (as cited by Hebei)',
  ),
  seed(
    'benefits.decisionClock',
    CN,
    '2024-01',
    {
      pension: {
        days: 20,
        unit: 'working-days',
        source: 'SIHR (handling of benefit claims; 20 working days is a common regional service commitment)',
      },
      'record-correction': {
        days: 15,
        unit: 'working-days',
        source: 'PRRM (15 working days to review a request to correct the record)',
      },
    },
    'SIHR; PRRM; regional service commitments',
  ),
  seed(
    'calendar.workingDays',
    CN,
    '2025-01',
    {
      holidays: [...HOLIDAYS_2025, ...HOLIDAYS_2026],
      workingWeekendDays: [...WORKED_WEEKENDS_2025, ...WORKED_WEEKENDS_2026],
    },
    '国办发明电〔2024〕12号 (2025); the General Office notice on the 2026 holidays (2026)',
  ),
  // Work injury (docs/RULES.md 15.1–15.5): the statutory tables of WIIR as revised by Decree 586, in force
  // 2011-01-01.
  seed(
    'workInjury.benefitTables',
    CN,
    '2011-01',
    {
      ownWage: { floorPpm: 600_000, ceilingPpm: 3_000_000 },
      grades: [
        [1, 27, 900_000, 'fund'],
        [2, 25, 850_000, 'fund'],
        [3, 23, 800_000, 'fund'],
        [4, 21, 750_000, 'fund'],
        [5, 18, 700_000, 'employer'],
        [6, 16, 600_000, 'employer'],
        [7, 13, 0, null],
        [8, 11, 0, null],
        [9, 9, 0, null],
        [10, 7, 0, null],
      ].map(([grade, subsidyMonths, allowancePpm, allowancePayer]) => ({
        grade,
        subsidyMonths,
        allowancePpm,
        allowancePayer,
        minimumWageFloor: allowancePayer !== null,
      })),
      nursingPpm: { full: 500_000, most: 400_000, part: 300_000 },
    },
    'WIIR Art. 34 (nursing), Arts. 35-37 (grades 1-10), Art. 64 (own wage 60%-300%)',
  ),
  seed(
    'workInjury.deathBenefits',
    CN,
    '2011-01',
    {
      funeralMonths: 6,
      oneTimeIncomeYears: 20,
      spousePpm: 400_000,
      otherDependentPpm: 300_000,
      extraPpm: 100_000,
    },
    'WIIR Art. 39',
  ),
  seed(
    'statistics.urbanDisposableIncome',
    CN,
    '2023-01',
    5_182_100,
    'National Bureau of Statistics, 2023 statistical communiqué: urban per-capita disposable income 51,821 yuan',
    { validTo: '2023-12' },
  ),
  seed(
    'statistics.urbanDisposableIncome',
    CN,
    '2024-01',
    5_418_800,
    'National Bureau of Statistics, 2024 statistical communiqué: urban per-capita disposable income 54,188 yuan',
    { validTo: '2024-12' },
  ),
  // Unemployment (docs/RULES.md 15.7): the national maxima; a region's own schedule sits below them.
  seed(
    'unemployment.duration',
    CN,
    '1999-01',
    {
      minContributionMonths: 12,
      tiers: [
        { fromYears: 1, maxMonths: 12 },
        { fromYears: 5, maxMonths: 18 },
        { fromYears: 10, maxMonths: 24 },
      ],
      totalMaxMonths: 24,
    },
    'SIL Art. 46; UIR Art. 17 (national maxima by contribution years)',
  ),
  // Maternity (docs/RULES.md 15.10–15.13).
  seed(
    'maternity.leave',
    CN,
    '2012-04',
    {
      baseDays: 98,
      dystociaDays: 15,
      perExtraBabyDays: 15,
      miscarriageEarlyDays: 15,
      miscarriageLateDays: 42,
    },
    'WLP Art. 7',
  ),
  seed(
    'maternity.allowance',
    CN,
    '2011-07',
    { daysPerMonth: 30, payee: 'employer' },
    "SIL Art. 56 (the employer's average wage of the previous year); ÷30 days and payment through the employer: common practice, Shebao default (docs/RULES.md 15.11 and 15.13) [U]",
  ),
  // The residents' scheme lets the whole account balance be inherited; a region that keeps the government
  // subsidies back adds its own row (docs/RULES.md 14.10).
  seed('death.inheritance', CN, '2014-02', { excludeResidentsGovernmentSubsidy: false }, 'GF-2014-8'),
];
