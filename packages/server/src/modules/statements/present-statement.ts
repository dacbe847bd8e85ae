import { chinaMinuteOf, formatFenAsYuan } from '@shebao/domain';
import type { StatementDocument, StatementLanguage } from './statements.schemas.ts';

/**
 * A certified document laid out for people, in Chinese or English: the one view both the PDF and the
 * verification page draw, so they always show the same thing.
 */
export interface StatementView {
  title: string;
  facts: [label: string, value: string][];
  sections: { heading: string; columns: string[]; rows: string[][]; alignRight: number[] }[];
  notes: string[];
}

const TEXT = {
  zh: {
    rights_statement: '社会保险个人权益记录单',
    contribution_certificate: '社会保险参保缴费证明',
    name: '姓名',
    idNumber: '公民身份号码',
    region: '参保地区划代码',
    period: '记录期间',
    issuedAt: '出具时间',
    chinaTime: (minute: string) => `${minute}（北京时间）`,
    code: '验证码',
    months: '缴费月数',
    insurance: '险种',
    inPeriod: '本期',
    cumulative: '累计',
    cumulativePaid: '累计已缴足',
    amounts: '本期缴费金额（元）',
    employer: '单位缴纳',
    employee: '个人缴纳',
    total: '合计',
    owedMonths: '未缴清月数',
    payers: '缴费单位及期间',
    payer: '缴费单位',
    from: '起',
    to: '止',
    monthCount: '月数',
    flexible: '灵活就业人员（个人缴费）',
    accounts: '个人账户（元）',
    account: '账户',
    opening: '期初余额',
    contributions: '本期记入',
    interest: '本期利息',
    spent: '本期支出',
    closing: '期末余额',
    pensionAccount: '基本养老保险个人账户',
    medicalAccount: '职工基本医疗保险个人账户',
    gaps: (list: string) => `缴费中断月份：${list}`,
    noGaps: '记录期间内无缴费中断。',
    overlaps: (list: string) => `重复缴费月份（同月多个缴费单位）：${list}`,
    legal: '依据《中华人民共和国社会保险法》第四条、第七十四条出具。本记录单经电子签名，可凭验证码核验。',
    insurances: {
      pension: '基本养老保险',
      medical: '基本医疗保险',
      maternity: '生育保险',
      unemployment: '失业保险',
      work_injury: '工伤保险',
    },
  },
  en: {
    rights_statement: 'Social Insurance Personal Rights Statement',
    contribution_certificate: 'Certificate of Social Insurance Contributions',
    name: 'Name',
    idNumber: 'Identity number',
    region: 'Insured in region',
    period: 'Period',
    issuedAt: 'Issued at',
    chinaTime: (minute: string) => `${minute} (China time, UTC+8)`,
    code: 'Verification code',
    months: 'Contribution months',
    insurance: 'Insurance',
    inPeriod: 'In period',
    cumulative: 'Cumulative',
    cumulativePaid: 'Cumulative, paid in full',
    amounts: 'Contributions in the period (yuan)',
    employer: 'Employer',
    employee: 'Employee',
    total: 'Total',
    owedMonths: 'Months owed',
    payers: 'Payers and periods',
    payer: 'Payer',
    from: 'From',
    to: 'To',
    monthCount: 'Months',
    flexible: 'Flexible worker (paid by the person)',
    accounts: 'Personal accounts (yuan)',
    account: 'Account',
    opening: 'Opening',
    contributions: 'Credited',
    interest: 'Interest',
    spent: 'Spent',
    closing: 'Closing',
    pensionAccount: 'Basic pension personal account',
    medicalAccount: 'Employee medical personal account',
    gaps: (list: string) => `Months without contributions: ${list}`,
    noGaps: 'No months without contributions in the period.',
    overlaps: (list: string) => `Months with more than one payer: ${list}`,
    legal:
      'Issued under Articles 4 and 74 of the Social Insurance Law of the PRC. Electronically signed; check it with the verification code.',
    insurances: {
      pension: 'Basic pension',
      medical: 'Basic medical',
      maternity: 'Maternity',
      unemployment: 'Unemployment',
      work_injury: 'Work injury',
    },
  },
} as const;

export function presentStatement(document: StatementDocument, lang: StatementLanguage): StatementView {
  const t = TEXT[lang];
  const yuan = formatFenAsYuan;
  const account = (label: string, summary: StatementDocument['accounts']['pension']) => [
    label,
    yuan(summary.openingFen),
    yuan(summary.contributionsFen),
    yuan(summary.interestFen),
    yuan(summary.spentFen ?? 0),
    yuan(summary.closingFen),
  ];
  return {
    title: t[document.kind],
    facts: [
      [t.name, document.subject.name],
      [t.idNumber, document.subject.idNumberMasked],
      [t.region, document.subject.regionCode],
      [t.period, `${document.period.from} – ${document.period.to}`],
      // The signed document keeps the instant in UTC; people read it in China time, as the web app shows it.
      [t.issuedAt, t.chinaTime(chinaMinuteOf(new Date(document.issuedAt)))],
      [t.code, document.code],
    ],
    sections: [
      {
        heading: t.months,
        columns: [t.insurance, t.inPeriod, t.cumulative, t.cumulativePaid],
        rows: document.contributionMonths.map((months) => [
          t.insurances[months.insurance],
          String(months.inPeriod),
          String(months.cumulative),
          String(months.cumulativePaid),
        ]),
        alignRight: [1, 2, 3],
      },
      {
        heading: t.amounts,
        columns: [t.employer, t.employee, t.total, t.owedMonths],
        rows: [
          [
            yuan(document.amounts.employerFen),
            yuan(document.amounts.employeeFen),
            yuan(document.amounts.totalFen),
            String(document.amounts.owedMonths),
          ],
        ],
        alignRight: [0, 1, 2, 3],
      },
      {
        heading: t.payers,
        columns: [t.payer, t.from, t.to, t.monthCount, t.employer, t.employee, t.owedMonths],
        rows: document.payers.map((span) => [
          span.employerName ?? t.flexible,
          span.from,
          span.to,
          String(span.months),
          yuan(span.employerFen),
          yuan(span.employeeFen),
          String(span.owedMonths),
        ]),
        alignRight: [3, 4, 5, 6],
      },
      {
        heading: t.accounts,
        columns: [t.account, t.opening, t.contributions, t.interest, t.spent, t.closing],
        rows: [
          account(t.pensionAccount, document.accounts.pension),
          account(t.medicalAccount, document.accounts.medical),
        ],
        alignRight: [1, 2, 3, 4],
      },
    ],
    notes: [
      document.gaps.length ? t.gaps(document.gaps.join(', ')) : t.noGaps,
      ...(document.overlaps.length ? [t.overlaps(document.overlaps.join(', '))] : []),
      t.legal,
    ],
  };
}
