import {
  amountColumnsOfInsurance,
  baseColumnOf,
  describeMonthStanding,
  formatFenAsYuan,
  RECORD_INSURANCES,
} from '@shebao/domain';
import { stringify } from 'csv-stringify/sync';
import type { RightsRecord } from './rights-record.schemas.ts';

/** Each insurance's name in Chinese and English, and each part of it a column shows. */
const INSURANCE_NAMES = {
  pension: ['养老', 'Pension'],
  medical: ['医疗', 'Medical'],
  maternity: ['生育', 'Maternity'],
  unemployment: ['失业', 'Unemployment'],
  work_injury: ['工伤', 'Work injury'],
} as const satisfies Record<(typeof RECORD_INSURANCES)[number], readonly [string, string]>;
const PARTS = {
  baseFen: ['缴费基数', 'base'],
  employerFen: ['单位', 'employer'],
  employeeFen: ['个人', 'employee'],
} as const;

/**
 * The per-insurance columns, from the insurance-column catalogue: per insurance in the record's order, its
 * base when the insurance has one of its own (maternity is assessed on the medical base), then what each
 * party pays for it.
 */
const INSURANCE_CSV_COLUMNS = RECORD_INSURANCES.flatMap((insurance) => {
  const parts: (keyof typeof PARTS)[] = [];
  if (baseColumnOf(insurance).insurance === insurance) parts.push('baseFen');
  for (const column of amountColumnsOfInsurance(insurance))
    parts.push(column.party === 'employer' ? 'employerFen' : 'employeeFen');
  return parts.map((part) => ({
    insurance,
    part,
    header: `${INSURANCE_NAMES[insurance][0]}${PARTS[part][0]} ${INSURANCE_NAMES[insurance][1]} ${PARTS[part][1]}`,
  }));
});

/** Column headers in Chinese and English, so one file serves the person and an official alike. */
const HEADERS = [
  '月份 Month',
  '缴费单位 Payer',
  ...INSURANCE_CSV_COLUMNS.map((column) => column.header),
  '单位合计 Employer total',
  '个人合计 Employee total',
  '合计 Total',
  '养老个人账户 Pension account',
  '医疗个人账户 Medical account',
  '其中调整 Of which adjustments',
  '状态 Status',
  '重复缴费 Overlap',
];

/**
 * The month rows of a rights record as CSV (amounts in yuan with two decimals, exact from fen), with a
 * UTF-8 byte-order mark so spreadsheet programs read the Chinese headers right. Gap months get a row too.
 */
export function rightsRecordToCsv(record: RightsRecord): string {
  const rows: string[][] = [];
  for (const month of record.months) {
    rows.push([
      month.period,
      month.employerName ?? `${record.person.name}（灵活就业 flexible）`,
      ...INSURANCE_CSV_COLUMNS.map(({ insurance, part }) =>
        formatFenAsYuan(month.insurances[insurance]![part]),
      ),
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
  return `\uFEFF${stringify(rows, { header: true, columns: HEADERS })}`;
}
