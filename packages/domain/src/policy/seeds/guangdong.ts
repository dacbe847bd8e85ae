import type { PolicyParameter } from '../parameter.ts';
import { baseBand, seed } from './seed-row.ts';

const GD = '440000';
const GZ = '440100';
const SZ = '440300';
const EMPLOYER = { category: 'employee', party: 'employer' } as const;
const FLEXIBLE = { category: 'flexible', party: 'employee' } as const;

/**
 * Guangdong with Guangzhou and Shenzhen (docs/RULES.md 12.5). Contribution years run July to June.
 * Pension bands are provincial; Guangzhou has its own higher pension floor; Shenzhen its own medical band.
 */
export const GUANGDONG_PARAMETERS: PolicyParameter[] = [
  seed('base.cycleStartMonth', GD, '2011-07', 7, 'Guangdong contribution year July-June [R]'),
  // The provincial pension band also serves the other insurances where a city publishes no band of its own;
  // the 2024 floor was not collected, so it is derived as 60% of the average wage.
  seed('base.ceiling', GD, '2024-07', 2750100, 'Guangdong 2024 pension ceiling: 300% of 9,167 [R]'),
  ...baseBand(GD, '2025-07', 4775, 27549, 'Guangdong 2025 pension band outside Guangzhou [R]'),
  seed('base.floor', GZ, '2025-07', 551000, 'Guangdong 2025: Guangzhou and provincial units floor [R]', {
    insurance: 'pension',
  }),
  seed('base.averageWage', GD, '2024-07', 916700, 'Guangdong 2023 average wage 9,167 [R]'),
  seed('base.averageWage', GD, '2025-07', 918300, 'derived: 2025 ceiling ÷ 3 (GBF-2019-13)'),
  ...baseBand(SZ, '2026-01', 6727, 33633, 'Shenzhen 2026 medical band [R]', { insurance: 'medical' }),
  seed('contribution.rate', GZ, '2024-03', 65000, 'Guangzhou phased employer medical 6.5% [U]', {
    ...EMPLOYER,
    insurance: 'medical',
  }),
  seed('contribution.rate', SZ, '2024-03', 70000, 'Shenzhen phased employer medical 7% [U]', {
    ...EMPLOYER,
    insurance: 'medical',
  }),
  seed('contribution.rate', SZ, '2026-01', 80000, 'Shenzhen employer medical 8% restored [U]', {
    ...EMPLOYER,
    insurance: 'medical',
  }),
  seed(
    'contribution.rate',
    GD,
    '2024-01',
    80000,
    'Guangzhou / Shenzhen flexible workers medical 8% (tier 1) [R]',
    { ...FLEXIBLE, insurance: 'medical' },
  ),
  seed(
    'pension.calculationBase',
    GD,
    '2025-01',
    949300,
    'Guangdong 2025 pension calculation base (excl. Shenzhen) [R]',
    { validTo: '2025-12' },
  ),
  seed('pension.calculationBase', SZ, '2025-01', 1129300, 'Shenzhen 2025 pension calculation base [U]', {
    validTo: '2025-12',
  }),
  // Unemployment and maternity (docs/RULES.md 15.9–15.13).
  seed(
    'minimumWage',
    GD,
    '2025-03',
    250_000,
    'Guangdong minimum wage from 2025-03, class 1 (Guangzhou) 2,500 yuan used province-wide; other cities are lower [U]',
  ),
  seed(
    'unemployment.monthlyStandard',
    GD,
    '2019-07',
    { kind: 'share-of-minimum-wage', sharePpm: 900_000, rounding: 'half-up-fen' },
    'Guangdong Unemployment Insurance Regulations Art. 19: 90% of the city minimum wage [R]',
  ),
  seed(
    'maternity.leaveExtension',
    GD,
    '2021-12',
    { days: 80, fundPays: true },
    'Guangdong Population and Family Planning Regulations (amended 2021-12): 80 more days, allowance from the fund [U]',
  ),
  seed(
    'maternity.allowance',
    GD,
    '2021-12',
    { daysPerMonth: 30, payee: 'employer' },
    'Guangdong: the maternity allowance paid through the employer; to be verified [U]',
  ),
  seed(
    'maternity.medical',
    GD,
    '2021-12',
    { kind: 'actual', capFen: 600_000 },
    'Guangdong: maternity medical costs paid as incurred up to a cap; the cap is a default to verify [U]',
  ),
];
