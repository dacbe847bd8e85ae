import type { PolicyParameter } from '../parameter.ts';
import { baseBand, seed } from './seed-row.ts';

const BJ = '110000';
const EMPLOYER = { category: 'employee', party: 'employer' } as const;
const EMPLOYEE = { category: 'employee', party: 'employee' } as const;
const CALCULATORS = 'Beijing contribution calculators 2024-2025 [R]';

/** Beijing (DOMAIN.md §15.1). Contribution years run July to June. */
export const BEIJING_PARAMETERS: PolicyParameter[] = [
  seed('base.cycleStartMonth', BJ, '2011-07', 7, 'Beijing contribution year July-June [R]'),
  ...baseBand(BJ, '2021-07', 5360, 28221, 'Beijing 2021 base notice [R]'),
  ...baseBand(BJ, '2022-07', 5869, 31884, 'Beijing 2022 base notice [R]'),
  ...baseBand(BJ, '2024-07', 6821, 35283, 'Beijing 2024 base notice [R]'),
  ...baseBand(BJ, '2025-07', 7162, 35811, 'Beijing 2025 base notice, announced late [R]'),
  // Average wage behind each band: the ceiling is 300% of it (GBF-2019-13).
  seed('base.averageWage', BJ, '2021-07', 940700, 'derived: 2021 ceiling ÷ 3 (GBF-2019-13)'),
  seed('base.averageWage', BJ, '2022-07', 1062800, 'derived: 2022 ceiling ÷ 3 (GBF-2019-13)'),
  seed('base.averageWage', BJ, '2024-07', 1176100, 'derived: 2024 ceiling ÷ 3 (GBF-2019-13)'),
  seed('base.averageWage', BJ, '2025-07', 1193700, 'derived: 2025 ceiling ÷ 3 (GBF-2019-13)'),
  seed(
    'contribution.rate',
    BJ,
    '2021-07',
    98000,
    `${CALCULATORS}: employer medical 9.8% incl. maternity [U]`,
    { ...EMPLOYER, insurance: 'medical' },
  ),
  seed(
    'contribution.fixedMonthly',
    BJ,
    '2021-07',
    300,
    'Beijing large-amount medical mutual aid: employee 3 yuan a month',
    { ...EMPLOYEE, insurance: 'medical' },
  ),
  seed('contribution.rate', BJ, '2021-07', 5000, `${CALCULATORS}: unemployment employer 0.5%`, {
    ...EMPLOYER,
    insurance: 'unemployment',
  }),
  seed('contribution.rate', BJ, '2021-07', 5000, `${CALCULATORS}: unemployment employee 0.5%`, {
    ...EMPLOYEE,
    insurance: 'unemployment',
  }),
  seed('pension.calculationBase', BJ, '2025-01', 1204900, '京人社发〔2025〕13号', { validTo: '2025-12' }),
];
