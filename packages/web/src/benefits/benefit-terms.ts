import type { TFunction } from 'i18next';

/*
 * The server writes an application's clock source, a decision's legal sources and a pension's explanation
 * in English with the short names of the legal sources the rules list, e.g. "SIL Art. 16; GF-2005-38".
 * A Chinese reader sees
 * them in Chinese: the sources by their full names, the explanation's units and phrases in words.
 */

const SOURCE_NAMES = [
  'SIL',
  'PRRM',
  'SIHR',
  'GF-2005-38',
  'GF-1997-26',
  'NPC-2024',
  'FLEX-RET',
  'LB-1997-116',
  'WIIR',
];

const chinese = (language: string) => language.startsWith('zh');

/** One source ("SIL Art. 16", "PRRM (15 working days …)") by its full name in the reader's language. */
function oneSource(t: TFunction, source: string, language: string): string {
  const name = SOURCE_NAMES.find((known) => source === known || source.startsWith(`${known} `));
  if (!name) {
    // A provincial rule the seeds name in English ("Guangdong provincial transitional-pension rule").
    if (chinese(language) && /provincial|regional/i.test(source)) return t('benefitPages.sources.regional');
    return source;
  }
  // "Art. 16(1)", "Arts. 33–37, 64": the article or articles, their numbers as written.
  const article = /Arts?\.\s*(\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+)*)/.exec(source.slice(name.length));
  const full = t(`benefitPages.sources.${name as 'SIL'}`);
  const withArticle = article ? `${full} ${t('benefitPages.sources.article', { number: article[1] })}` : full;
  // In English the short name's own explanation ("(15 working days …)") follows as the server gave it.
  const rest = source
    .slice(name.length)
    .replace(/Arts?\.\s*\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+)*/, '')
    .trim();
  return !chinese(language) && rest ? `${withArticle} ${rest}` : withArticle;
}

/** Sources as the server joins them ("SIL Art. 16; GF-2005-38"), each by its name, joined for the reader. */
export function sourcesText(t: TFunction, sources: string | readonly string[], language: string): string {
  const list = typeof sources === 'string' ? sources.split(/;\s*/) : sources;
  return list
    .map((source) => source.trim())
    .filter(Boolean)
    .map((source) => oneSource(t, source, language))
    .join(chinese(language) ? '；' : '; ');
}

/** Phrases of the domain's explanations, in Chinese; anything not listed stays as it is. */
const EXPLANATION_PHRASES: [RegExp, string][] = [
  [/([\d.]+) yuan, as the previous system awarded it/g, '$1 元（原系统核定，迁移至本系统）'],
  [
    /(\d+) paid \+ (\d+) deemed = (\d+) months; minimum for (\d+): (\d+)/g,
    '实际缴费 $1 + 视同缴费 $2 = $3 个月；$4 年最低 $5 个月',
  ],
  [/no contribution months: index 0/g, '无缴费月份：指数为 0'],
  [/(\d+) months, bases ([\d.]+) yuan( yuan)?/g, '$1 个月，缴费基数合计 $2 元'],
  [/completed age of (\d+) years (\d+) months is (\d+): /g, '$1 岁 $2 个月按周岁 $3 计：'],
  [/(\d+) years (\d+) months/g, '$1 岁 $2 个月'],
  [/([\d/.]+) months \(([\d/.]+) years\)/g, '$1 个月（$2 年）'],
  [/([\d.]+) yuan \(none\)/g, '$1 元（无过渡办法）'],
  [/died on ([\d-]+); survivors’ pension from ([\d-]+)/g, '$1 因工死亡；供养亲属抚恤金自 $2 起发放'],
  [/ yuan a year\b/g, ' 元/年'],
  [/ not covered = /g, ' 目录外 = '],
  [
    /ended ([\d-]+); reported ([\d-]+), (\d+) days after the deadline ([\d-]+)/g,
    '$1 终止劳动关系；$2 告知经办机构，超过期限 $4 共 $3 天',
  ],
  [
    /ended ([\d-]+); reported ([\d-]+), within the deadline ([\d-]+)/g,
    '$1 终止劳动关系；$2 告知经办机构，在期限 $3 内',
  ],
  [
    /ended ([\d-]+); deadline ([\d-]+); the day reported is not known/g,
    '$1 终止劳动关系；告知期限 $2；告知日期不详',
  ],
  [/ yuan\b/g, ' 元'],
  [/([\d/.]+) months\b/g, '$1 个月'],
  [/\(statutory\)/g, '（法定退休年龄）'],
  [/\(early\)/g, '（弹性提前）'],
  [/\(late\)/g, '（弹性延迟）'],
  [/^whole-years$/g, '按周岁'],
  [/^interpolate-months$/g, '按岁月插值'],
  [/^yes$/g, '是'],
  [/^no$/g, '否'],
];

/** A value or formula of a pension explanation in the reader's language. */
export function explanationText(text: string, language: string): string {
  if (!chinese(language)) return text;
  return EXPLANATION_PHRASES.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

/** An input's key of the average index ("2024 at 11761.00": a year and its average wage), for people. */
export function explanationInputLabel(t: TFunction, key: string): string | null {
  const known = `benefitPages.explain.inputLabels.${key}`;
  const year = /^(\d{4}) at ([\d.]+)$/.exec(key);
  if (year) return t('benefitPages.explain.yearAt', { year: year[1], wage: year[2] });
  return KNOWN_INPUTS.has(key) ? t(known as 'benefitPages.explain.inputLabels.calcBase') : null;
}

const KNOWN_INPUTS = new Set([
  'birthMonth',
  'statutoryMonth',
  'startMonth',
  'contributionMonths',
  'minContributionMonths',
  'months',
  'calcBase',
  'averageIndex',
  'accountBalance',
  'retirementAge',
  'divisorPolicy',
  'divisor',
  'basic',
  'account',
  'transitional',
  'percent',
  'fixed',
  'perYear',
  'ageTilt',
  'effectiveMonth',
  'publishedOn',
  'reason',
  'correctedVersion',
]);

/** Who did something, as an event names them ("person:12", "staff:benefits", "employer:3:finance"). */
export function actorSide(byLogin: string): 'person' | 'employer' | 'staff' | 'system' {
  const side = byLogin.split(':')[0];
  return side === 'person' || side === 'employer' || side === 'staff' ? side : 'system';
}

/** Whether a text is written in Chinese (a note or reason staff typed), so a Chinese reader can be shown it. */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/** What the employer bears of an injury (the claim's `employerBears` lines), in Chinese. */
const EMPLOYER_BEARS_PHRASES: [RegExp, string][] = [
  [
    /^the monthly disability allowance of grade (\d+), ([\d,.]+) yuan, while it arranges no suitable work \(WIIR Art\. 36\)$/,
    '$1 级伤残的伤残津贴每月 $2 元，在用人单位未安排适当工作期间由用人单位支付（《工伤保险条例》第三十六条）',
  ],
  [
    /^The employer applied (\d+) days after its deadline of ([\d-]+): it bears the benefits of the injury arising in that period\.$/,
    '用人单位在申请期限 $2 之后 $1 天才提出工伤认定申请，这期间发生的工伤待遇由用人单位负担（《工伤保险条例》第十七条）',
  ],
  [
    /^The employer had not insured the person for work injury on the day: it owes the benefits; the fund may advance them and recover them from it\.$/,
    '用人单位在受伤当日未为职工参加工伤保险，应支付全部工伤保险待遇；工伤保险基金可以先行支付，再向用人单位追偿（《工伤保险条例》第六十二条，《社会保险法》第四十一条）',
  ],
  [
    /^the wage during the stoppage period with pay, up to 12 months and 12 more \(WIIR Art\. 33\)$/,
    '停工留薪期内的原工资福利待遇，一般不超过 12 个月，经确认可再延长不超过 12 个月（《工伤保险条例》第三十三条）',
  ],
  [
    /^the wage during the stoppage period with pay from ([\d-]+) to the appraisal of ([\d-]+) \(WIIR Art\. 33\)$/,
    '停工留薪期内的原工资福利待遇，自 $1 起至 $2 评定伤残等级时止（《工伤保险条例》第三十三条）',
  ],
  [
    /^the wage during the stoppage period with pay from ([\d-]+) to ([\d-]+) \((\d+) months; WIIR Art\. 33\)$/,
    '停工留薪期内的原工资福利待遇，自 $1 至 $2，共 $3 个月（《工伤保险条例》第三十三条）',
  ],
];

/** A line of what the employer bears, in the reader's language: the server words it in English. */
export function employerBearsText(line: string, language: string): string {
  if (!chinese(language)) return line;
  const phrase = EMPLOYER_BEARS_PHRASES.find(([pattern]) => pattern.test(line));
  return phrase ? line.replace(phrase[0], phrase[1]) : line;
}
