import type { PolicyParameter } from '../parameter.ts';
import { baseBand, seed } from './seed-row.ts';

const SH = '310000';
const EMPLOYER = { category: 'employee', party: 'employer' } as const;
const EMPLOYEE = { category: 'employee', party: 'employee' } as const;
const PARAMETERS_PAGE = 'Shanghai 2025 social insurance parameters page [R]';

/** Shanghai (docs/RULES.md 12.5). Contribution years run July to June; bases are rounded to the yuan. */
export const SHANGHAI_PARAMETERS: PolicyParameter[] = [
  seed('base.cycleStartMonth', SH, '2011-07', 7, 'Shanghai contribution year July-June [R]'),
  seed(
    'base.rounding',
    SH,
    '2011-07',
    'half-up-yuan',
    'Shanghai base rounded half-up to the yuan (四舍五入) [R]',
  ),
  ...baseBand(SH, '2023-07', 7310, 36549, 'Shanghai 2023 base notice [R]'),
  ...baseBand(SH, '2024-07', 7384, 36921, 'Shanghai 2024 base notice [R]'),
  ...baseBand(SH, '2025-07', 7460, 37302, 'Shanghai 2025 base, inferred [U]'),
  ...baseBand(SH, '2026-07', 7546, 37731, 'Shanghai 2026 base notice [R]'),
  seed('base.averageWage', SH, '2023-07', 1218300, 'derived: 2023 ceiling ÷ 3 (GBF-2019-13)'),
  seed('base.averageWage', SH, '2024-07', 1230700, 'derived: 2024 ceiling ÷ 3 (GBF-2019-13)'),
  seed('base.averageWage', SH, '2025-07', 1243400, 'derived: 2025 ceiling ÷ 3 (GBF-2019-13)'),
  seed('base.averageWage', SH, '2026-07', 1257700, 'derived: 2026 ceiling ÷ 3 (GBF-2019-13)'),
  seed('contribution.rate', SH, '2023-07', 90000, `${PARAMETERS_PAGE}: employer medical 9% incl. maternity`, {
    ...EMPLOYER,
    insurance: 'medical',
  }),
  seed('contribution.rate', SH, '2023-07', 5000, `${PARAMETERS_PAGE}: unemployment employer 0.5%`, {
    ...EMPLOYER,
    insurance: 'unemployment',
  }),
  seed('contribution.rate', SH, '2023-07', 5000, `${PARAMETERS_PAGE}: unemployment employee 0.5%`, {
    ...EMPLOYEE,
    insurance: 'unemployment',
  }),
  seed(
    'contribution.rate',
    SH,
    '2024-03',
    100000,
    'Shanghai flexible workers medical 10% from 2024-03-01 [R]',
    { category: 'flexible', party: 'employee', insurance: 'medical' },
  ),
  // 见分进角: Shanghai calculators round the employee's pension, medical and unemployment up to the jiao.
  ...(['pension', 'medical', 'unemployment'] as const).map((insurance) =>
    seed(
      'contribution.rounding',
      SH,
      '2018-01',
      'up-jiao',
      'Shanghai calculators: employee share 见分进角 [R]',
      { ...EMPLOYEE, insurance },
    ),
  ),
  seed('minimumWage', SH, '2025-07', 274000, 'Shanghai minimum wage from 2025-07-01 [R]'),
  seed('pension.calculationBase', SH, '2025-01', 1243400, 'Shanghai 2025 pension calculation base [U]', {
    validTo: '2025-12',
  }),
  // Unemployment (docs/RULES.md 15.7 and 15.9): the standard by month of the claim, and from 2026-08-16 the
  // months by contribution years; the schedule's day is read by the claim's start date.
  seed(
    'unemployment.monthlyStandard',
    SH,
    '2025-07',
    {
      kind: 'bands',
      bands: [
        { fromMonth: 1, amountFen: 230_500, label: 'months 1-12' },
        { fromMonth: 13, amountFen: 184_400, label: 'months 13-24' },
        { fromMonth: 25, amountFen: 165_000, label: 'extended' },
      ],
    },
    'Shanghai unemployment benefit standard from 2025-07-01 [R]',
  ),
  seed(
    'unemployment.monthlyStandard',
    SH,
    '2026-07',
    {
      kind: 'bands',
      bands: [
        { fromMonth: 1, amountFen: 234_000, label: 'months 1-12' },
        { fromMonth: 13, amountFen: 187_200, label: 'months 13-24' },
        { fromMonth: 25, amountFen: 169_000, label: 'extended' },
      ],
    },
    'Shanghai unemployment benefit standard from 2026-07-01 [R]',
  ),
  seed(
    'unemployment.regionalSchedule',
    SH,
    '2026-08',
    { entries: [{ from: '2026-08-16', monthsPerYear: 2, maxMonths: 24 }] },
    '沪人社规〔2026〕18号: 2 months per whole contribution year, at most 24, for claims from 2026-08-16 [R]',
  ),
  // Maternity (docs/RULES.md 15.10–15.13): realistic defaults, to be verified.
  seed(
    'maternity.leaveExtension',
    SH,
    '2021-11',
    { days: 60, fundPays: true },
    'Shanghai Population and Family Planning Regulations (amended 2021-11): 60 more days, allowance from the fund [U]',
  ),
  seed(
    'maternity.allowance',
    SH,
    '2021-11',
    { daysPerMonth: 30, payee: 'person' },
    'Shanghai: the maternity allowance paid to the insured person directly; to be verified [U]',
  ),
  seed(
    'maternity.medical',
    SH,
    '2021-11',
    {
      kind: 'lump-sum',
      amountsFen: { normal: 360_000, dystocia: 450_000, miscarriageEarly: 50_000, miscarriageLate: 100_000 },
    },
    'Shanghai maternity medical subsidy as a lump sum by kind of birth; amounts are a default to verify [U]',
  ),
];
