import type { PolicyParameter } from '../parameter.ts';
import { baseBand, seed } from './seed-row.ts';

const BJ = '110000';
const EMPLOYER = { category: 'employee', party: 'employer' } as const;
const EMPLOYEE = { category: 'employee', party: 'employee' } as const;
const CALCULATORS = '北京市社会保险缴费计算器（2024—2025年）';

/** Beijing (docs/RULES.md 12.5). Contribution years run July to June. */
export const BEIJING_PARAMETERS: PolicyParameter[] = [
  seed('base.cycleStartMonth', BJ, '2011-07', 7, '北京市缴费年度为当年7月至次年6月 [R]'),
  ...baseBand(BJ, '2021-07', 5360, 28221, '北京市2021年度缴费基数上下限通知 [R]'),
  ...baseBand(BJ, '2022-07', 5869, 31884, '北京市2022年度缴费基数上下限通知 [R]'),
  ...baseBand(BJ, '2024-07', 6821, 35283, '北京市2024年度缴费基数上下限通知 [R]'),
  ...baseBand(BJ, '2025-07', 7162, 35811, '北京市2025年度缴费基数上下限通知（延后公布） [R]'),
  // Average wage behind each band: the ceiling is 300% of it (GBF-2019-13).
  seed('base.averageWage', BJ, '2021-07', 940700, '推算：2021年度基数上限 ÷ 3（国办发〔2019〕13号）'),
  seed('base.averageWage', BJ, '2022-07', 1062800, '推算：2022年度基数上限 ÷ 3（国办发〔2019〕13号）'),
  seed('base.averageWage', BJ, '2024-07', 1176100, '推算：2024年度基数上限 ÷ 3（国办发〔2019〕13号）'),
  seed('base.averageWage', BJ, '2025-07', 1193700, '推算：2025年度基数上限 ÷ 3（国办发〔2019〕13号）'),
  seed('contribution.rate', BJ, '2021-07', 98000, `${CALCULATORS}：单位医疗保险 9.8%（含生育保险） [U]`, {
    ...EMPLOYER,
    insurance: 'medical',
  }),
  seed('contribution.fixedMonthly', BJ, '2021-07', 300, '北京市大额医疗费用互助资金：个人每月3元', {
    ...EMPLOYEE,
    insurance: 'medical',
  }),
  seed('contribution.rate', BJ, '2021-07', 5000, `${CALCULATORS}：失业保险单位 0.5% [R]`, {
    ...EMPLOYER,
    insurance: 'unemployment',
  }),
  seed('contribution.rate', BJ, '2021-07', 5000, `${CALCULATORS}：失业保险个人 0.5% [R]`, {
    ...EMPLOYEE,
    insurance: 'unemployment',
  }),
  seed('pension.calculationBase', BJ, '2025-01', 1204900, '京人社发〔2025〕13号', { validTo: '2025-12' }),
  // The one-time benefits on a death are regional standards (人社部发〔2021〕18号 leaves them to the
  // provinces; docs/RULES.md 14.10). These are plausible figures for the demo region, not read from a
  // Beijing document: confirm them before production use.
  seed(
    'death.funeralGrant',
    BJ,
    '2021-01',
    { kind: 'fixed', amountFen: 500_000 },
    '演示地区示意标准：依人社部发〔2021〕18号由各省规定，数值未经北京市文件核实 [U]',
  ),
  seed(
    'death.survivorsBenefit',
    BJ,
    '2021-01',
    {
      monthlyBaseFen: 700_000,
      base: '城镇居民月人均可支配收入（演示数值）',
      bands: [
        { fromYears: 0, months: 6, extraMonthsPerYear: 0 },
        { fromYears: 15, months: 9, extraMonthsPerYear: 1 },
      ],
      maxMonths: 24,
    },
    '演示地区示意标准：按缴费年限确定发放月数（人社部发〔2021〕18号由各省规定），数值未经北京市文件核实 [U]',
  ),
  // Unemployment, maternity (docs/RULES.md 15.9–15.13): realistic defaults for the demo region.
  seed('minimumWage', BJ, '2023-09', 242000, '北京市最低工资标准（2023年9月1日起）2420元 [R]'),
  seed('minimumWage', BJ, '2025-09', 254000, '北京市最低工资标准（2025年9月1日起）2540元 [R]'),
  seed(
    'unemployment.monthlyStandard',
    BJ,
    '2023-09',
    { kind: 'share-of-minimum-wage', sharePpm: 900_000, rounding: 'half-up-fen' },
    '示意标准：按最低工资的90%（人社部2017年指导意见允许逐步提高至最低工资的90%），未经北京市文件核实，投产前须核对 [U]',
  ),
  seed(
    'maternity.leaveExtension',
    BJ,
    '2021-11',
    { days: 60, fundPays: true },
    '北京市人口与计划生育条例（2021年11月修正）：延长生育假60日，生育津贴由基金支付，待核实 [U]',
  ),
  seed(
    'maternity.allowance',
    BJ,
    '2021-11',
    { daysPerMonth: 30, payee: 'employer' },
    '示意：生育津贴按单位上年度职工月平均工资÷30计发，拨付用人单位，待核实 [U]',
  ),
  seed(
    'maternity.medical',
    BJ,
    '2021-11',
    { kind: 'actual', capFen: 1_000_000 },
    '示意：生育医疗费用按实际发生额结算，以10000元为限，数值未经北京市文件核实 [U]',
  ),
];
