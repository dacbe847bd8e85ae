import type { TFunction } from 'i18next';

/*
 * The server explains a settled claim, a residents' enrolment and a supervision finding's penalty in English
 * (packages/domain/src/medical):
 * a rule, a formula of steps joined by "; " with the amounts in yuan, inputs and the short names of the
 * legal sources. A Chinese reader sees each step, input and source in Chinese; a step the pages do not know
 * yet stays as the server wrote it rather than disappear.
 */

const chinese = (language: string) => language.startsWith('zh');

const LINES: Record<string, string> = { outpatient: '门诊', inpatient: '住院', chronic: '门诊慢特病' };
const LEVELS: Record<string, string> = { '1': '一级', '2': '二级', '3': '三级' };
const lineName = (line: string) => LINES[line] ?? line;
const levelName = (level: string) => LEVELS[level] ?? level;

type Replacement = string | ((...groups: string[]) => string);

/** The steps of the domain's formulas (settle-claim.ts, waiting-period.ts, penalties.ts), each whole, in Chinese. */
const STEP_PHRASES: [RegExp, Replacement][] = [
  [/^total ([\d.]+)$/, '医疗费用总额 $1 元'],
  [/^not covered ([\d.]+)$/, '目录外（丙类）费用 $1 元'],
  [/^own share of part-covered items ([\d.]+)$/, '乙类项目先行自付 $1 元'],
  [/^within the policy range ([\d.]+)$/, '政策范围内费用 $1 元'],
  [/^the fund pools nothing for this kind of claim$/, '此类结算统筹基金不予支付'],
  [
    /^deductible of the year on the (\w+) line at level (\d): ([\d.]+), used before ([\d.]+), applied now ([\d.]+)$/,
    (line, level, deductible, used, now) =>
      `${lineName(line!)}年度起付线（${levelName(level!)}机构）${deductible} 元，此前已计入 ${used} 元，本次计入 ${now} 元`,
  ],
  [/^([\d.]+) × ([\d.]+%) = ([\d.]+)$/, '起付线以上 $1 元 × 基金支付比例 $2 = $3 元'],
  [/^the person's share ([\d.]+)$/, '个人按比例负担 $1 元'],
  [
    /^(\w+) cap of the year ([\d.]+), left before ([\d.]+)$/,
    (line, cap, left) => `${lineName(line!)}年度最高支付限额 ${cap} 元，本次结算前剩余 ${left} 元`,
  ],
  [
    /^annual cap of the pooling fund ([\d.]+), left before ([\d.]+)$/,
    '统筹基金年度最高支付限额 $1 元，本次结算前剩余 $2 元',
  ],
  [/^the fund pays ([\d.]+)$/, '统筹基金支付 $1 元'],
  [/^([\d.]+) is above the cap and falls to the person$/, '超过最高支付限额的 $1 元由个人负担'],
  [
    /^the person owes ([\d.]+): ([\d.]+) from the medical personal account \(balance ([\d.]+)\), ([\d.]+) in cash$/,
    '个人负担 $1 元：医保个人账户支付 $2 元（支付前余额 $3 元），现金支付 $4 元',
  ],
  [/^the person owes ([\d.]+), paid in cash$/, '个人负担 $1 元，以现金支付'],
  [/^covered from ([\d-]+)$/, '自 $1 起享受待遇'],
  [
    /^([\d-]+) \+ (\d+) \+ (\d+) months = ([\d-]+)$/,
    '自 $1 起算，固定等待期 $2 个月，变动等待期 $3 个月，$4 起享受待遇',
  ],
  [/^recover ([\d.]+)$/, '追回医保基金损失 $1 元'],
  [/^fine ([\d.]+) × ([\d.]+) = ([\d.]+)$/, '处 $1 倍罚款：$1 × $2 元 = $3 元'],
  [/^suspend the agreement for (\d+) months$/, '暂停医保服务协议 $1 个月'],
  [/^suspend direct settlement for (\d+) months$/, '暂停医疗费用联网直接结算 $1 个月'],
  [/^terminate the service agreement$/, '解除医保服务协议'],
];

/** A formula's steps as the domain joins them ("; "), each a line of its own. */
export function formulaSteps(formula: string): string[] {
  return formula
    .split('; ')
    .map((step) => step.trim())
    .filter(Boolean);
}

/** One step in the reader's language. */
export function stepText(step: string, language: string): string {
  if (!chinese(language)) return step;
  for (const [pattern, replacement] of STEP_PHRASES) {
    const match = pattern.exec(step);
    if (!match) continue;
    return typeof replacement === 'string'
      ? step.replace(pattern, replacement)
      : replacement(...match.slice(1));
  }
  return step;
}

/** The rules the domain words, by how they begin; the key of their text in the reader's language. */
const RULES: [string, 'claim' | 'newborn' | 'continuous' | 'waiting'][] = [
  ['Catalogue classes', 'claim'],
  ['A newborn', 'newborn'],
  ['Continuous enrolment', 'continuous'],
  ['Enrolled outside', 'waiting'],
];

/** The articles a finding's penalty rests on (penalties.ts), by name; the key of their conduct's text. */
const PENALTY_ARTICLES: Record<string, 'mfr38' | 'mfr40' | 'mfr41' | 'sil88'> = {
  'MFR Art. 38': 'mfr38',
  'MFR Art. 40': 'mfr40',
  'MFR Art. 41': 'mfr41',
  'SIL Art. 88': 'sil88',
};
/** "MFR Art. 38: <conduct>. The amount is recovered to the fund; the fine is 1 to 2 times it." */
const PENALTY_RULE = /^((?:MFR|SIL) Art\. \d+): .* the fine is ([\d.]+) to ([\d.]+) times it\.$/;

/** An explanation's rule in the reader's language (English as the server wrote it). */
export function ruleText(t: TFunction, rule: string, language: string): string {
  if (!chinese(language)) return rule;
  const known = RULES.find(([start]) => rule.startsWith(start));
  if (known) return t(`medicalPages.explain.rules.${known[1]}`);
  const penalty = PENALTY_RULE.exec(rule);
  const conduct = penalty ? PENALTY_ARTICLES[penalty[1]!] : undefined;
  if (!penalty || !conduct) return rule;
  return t('medicalPages.explain.rules.penalty', {
    article: sourceText(t, penalty[1]!, language),
    conduct: t(`medicalPages.explain.conduct.${conduct}`),
    low: penalty[2],
    high: penalty[3],
  });
}

const INPUTS = [
  'kind',
  'personType',
  'total',
  'line',
  'level',
  'year',
  'paidOn',
  'gapYears',
  'repairedYears',
  'inConcentratedPeriod',
  'loss',
  'multiple',
  'suspensionMonths',
  'terminate',
] as const;
type Input = (typeof INPUTS)[number];
const isInput = (name: string): name is Input => (INPUTS as readonly string[]).includes(name);

/** An input's name as the pages call it, or null for one they do not know (shown as a code). */
export function inputLabel(t: TFunction, name: string): string | null {
  return isInput(name) ? t(`medicalPages.explain.inputs.${name}`) : null;
}

/** An input's value in the reader's words: kinds, lines and levels by name, yuan as yuan. */
export function inputValue(t: TFunction, name: string, value: string): string {
  const known = (key: string) => t(key, { defaultValue: value });
  switch (name) {
    case 'kind':
      return known(`medicalPages.kinds.${value}`);
    case 'personType':
      return known(`medicalPages.personTypes.${value}`);
    case 'line':
      return known(`medicalPages.lines.${value}`);
    case 'level':
      return known(`medicalPages.levels.${value}`);
    case 'inConcentratedPeriod':
    case 'terminate':
      return value === 'true' ? t('medicalPages.explain.yes') : t('medicalPages.explain.no');
    default:
      return value.replace(/^([\d.]+) yuan$/, (_all, amount: string) =>
        t('medicalPages.explain.yuan', { amount }),
      );
  }
}

const DOCUMENTS = ['GF-1998-44', 'GBF-2021-14', 'GF-2016-3', 'GBF-2024-LT'] as const;
const LAWS = ['SIL', 'MFR'] as const;

/**
 * A legal source by its name in the reader's language: a law with its article, a State Council document,
 * or a region's own rule ("北京职工医保: deductibles … defaults to verify [U]"), which a Chinese reader sees
 * by its name and whether its figures are still to be verified.
 */
export function sourceText(t: TFunction, source: string, language: string): string {
  const document = DOCUMENTS.find((name) => source === name);
  if (document) return t(`medicalPages.sources.${document}`);
  const law = /^(SIL|MFR) Arts?\. (\d+(?:[–-]\d+)?)$/.exec(source);
  if (law && (LAWS as readonly string[]).includes(law[1]!))
    return `${t(`medicalPages.sources.${law[1] as 'SIL'}`)} ${t('medicalPages.sources.article', { number: law[2] })}`;
  if (!chinese(language)) return source;
  const regional = /^([^:：]+)[:：]/.exec(source);
  if (!regional) return source;
  const tag = /\[U\]\s*$/.test(source) ? t('medicalPages.sources.toVerify') : '';
  return `${regional[1]!.trim()}（${t('medicalPages.sources.regional')}${tag ? `，${tag}` : ''}）`;
}
