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
];
