import { describeMonthStanding, formatFenAsYuan } from '@shebao/domain';
import { stringify } from 'csv-stringify/sync';
import type { RightsRecord } from './rights-record.schemas.ts';

/** Column headers in Chinese and English, so one file serves the person and an official alike. */
const HEADERS = [
  '月份 Month',
  '缴费单位 Payer',
  '养老缴费基数 Pension base',
  '养老单位 Pension employer',
  '养老个人 Pension employee',
  '医疗缴费基数 Medical base',
  '医疗单位 Medical employer',
  '医疗个人 Medical employee',
  '生育单位 Maternity employer',
  '失业缴费基数 Unemployment base',
  '失业单位 Unemployment employer',
  '失业个人 Unemployment employee',
  '工伤缴费基数 Work injury base',
  '工伤单位 Work injury employer',
  '单位合计 Employer total',
  '个人合计 Employee total',
  '合计 Total',
  '养老个人账户 Pension account',
  '医疗个人账户 Medical account',
  '其中调整 Of which adjustments',
  '状态 Status',
  '重复缴费 Overlap',
] as const;

/**
 * The month rows of a rights record as CSV (amounts in yuan with two decimals, exact from fen), with a
 * UTF-8 byte-order mark so spreadsheet programs read the Chinese headers right. Gap months get a row too.
 */
export function rightsRecordToCsv(record: RightsRecord): string {
  const rows: string[][] = [];
  for (const month of record.months) {
    const { pension, medical, maternity, unemployment, work_injury } = month.insurances;
    rows.push([
      month.period,
      month.employerName ?? `${record.person.name}（灵活就业 flexible）`,
      formatFenAsYuan(pension!.baseFen),
      formatFenAsYuan(pension!.employerFen),
      formatFenAsYuan(pension!.employeeFen),
      formatFenAsYuan(medical!.baseFen),
      formatFenAsYuan(medical!.employerFen),
      formatFenAsYuan(medical!.employeeFen),
      formatFenAsYuan(maternity!.employerFen),
      formatFenAsYuan(unemployment!.baseFen),
      formatFenAsYuan(unemployment!.employerFen),
      formatFenAsYuan(unemployment!.employeeFen),
      formatFenAsYuan(work_injury!.baseFen),
      formatFenAsYuan(work_injury!.employerFen),
      formatFenAsYuan(month.employerFen),
      formatFenAsYuan(month.employeeFen),
      formatFenAsYuan(month.totalFen),
      formatFenAsYuan(month.personalAccounts.pensionFen),
      formatFenAsYuan(month.personalAccounts.medicalFen),
      formatFenAsYuan(month.adjustmentFen),
      describeMonthStanding(month, record.asOf, 'zh-en'),
      month.overlap ? '是 yes' : '',
    ]);
  }
  for (const gap of record.gaps) {
    rows.push([gap, '中断 gap', ...HEADERS.slice(2).map(() => '')]);
  }
  rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return `\uFEFF${stringify(rows, { header: true, columns: [...HEADERS] })}`;
}
