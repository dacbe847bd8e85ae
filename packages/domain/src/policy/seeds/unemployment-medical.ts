import type { PolicyParameter } from '../parameter.ts';
import { seed } from './seed-row.ts';

/**
 * What the unemployment fund pays for the medical insurance of people receiving unemployment benefit (SIL
 * Art. 48; docs/RULES.md 15.21). Regions set the base and the rate; these rows take the month's benefit as the
 * base at the region's employer and employee medical rates together, a realistic default to verify [U].
 */
export const UNEMPLOYMENT_MEDICAL_PARAMETERS: readonly PolicyParameter[] = [
  seed(
    'unemployment.medicalPremium',
    '110000',
    '2021-07',
    { ratePpm: 118_000, base: 'benefit' },
    '失业保险基金代缴基本医疗保险费：以失业保险金为基数，按 9.8% + 2% 计（社会保险法第四十八条；默认值，待核实北京规定） [U]',
  ),
  seed(
    'unemployment.medicalPremium',
    '310000',
    '2023-07',
    { ratePpm: 110_000, base: 'benefit' },
    '失业保险基金代缴基本医疗保险费：以失业保险金为基数，按 9% + 2% 计（社会保险法第四十八条；默认值，待核实上海规定） [U]',
  ),
  seed(
    'unemployment.medicalPremium',
    '440000',
    '2024-07',
    { ratePpm: 100_000, base: 'benefit' },
    '失业保险基金代缴基本医疗保险费：以失业保险金为基数，按 8% + 2% 计（社会保险法第四十八条；默认值，待核实广东规定） [U]',
  ),
];
