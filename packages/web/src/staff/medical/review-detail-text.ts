/*
 * The server says in English what a supervision rule saw on a claim (packages/server/src/modules/medical/
 * review-rules.repository.ts, scan-claims.ts): the item charged twice, the readmission, the death, the stay
 * elsewhere, the average exceeded. A Chinese reader sees it in Chinese; a detail the pages do not know yet
 * stays as the server wrote it rather than disappear.
 */

const KINDS: Record<string, string> = {
  outpatient: '门诊',
  inpatient: '住院',
  chronic: '门诊慢特病',
  pharmacy: '药店购药',
};

type Replacement = string | ((...groups: string[]) => string);

const DETAIL_PHRASES: [RegExp, Replacement][] = [
  [
    /^(\S+) (.+) charged twice on the visit's day \(same claim\)$/,
    '$1 $2 在就诊当日重复收费（同一结算单内）',
  ],
  [
    /^(\S+) (.+) charged twice on the visit's day \(also on (\S+)\)$/,
    '$1 $2 在就诊当日重复收费（另见结算单 $3）',
  ],
  [
    /^admitted on ([\d-]+), (\d+) days or less after the discharge of (\S+) on ([\d-]+)$/,
    '$1 再次入院，距结算单 $3 的出院日 $4 不超过 $2 天',
  ],
  [/^visit on ([\d-]+), after the death on ([\d-]+)$/, '就诊日 $1 在死亡日期 $2 之后'],
  [/^visit on ([\d-]+) while staying at (.+) \((\S+)\)$/, '$1 就诊时正在$2住院（结算单 $3）'],
  [
    /^total ([\d.]+) yuan against the institution's (\d+) (\w+) claims averaging ([\d.]+) yuan$/,
    (total, claims, kind, average) =>
      `费用总额 ${total} 元，该机构 ${claims} 笔${KINDS[kind!] ?? kind}结算的平均费用为 ${average} 元`,
  ],
];

/**
 * What a rule saw on a claim (`claimNo`), in the reader's language. The server names the claim with the
 * same item "also on" even when that is the claim itself (an item twice on one claim): a Chinese reader
 * is told it is on the same claim.
 */
export function reviewDetailText(detail: string, language: string, claimNo?: string): string {
  if (!language.startsWith('zh')) return detail;
  const itself = claimNo ? detail.replace(`(also on ${claimNo})`, '(same claim)') : detail;
  return chineseDetail(itself);
}

function chineseDetail(detail: string): string {
  for (const [pattern, replacement] of DETAIL_PHRASES) {
    const match = pattern.exec(detail);
    if (!match) continue;
    return typeof replacement === 'string'
      ? detail.replace(pattern, replacement)
      : replacement(...match.slice(1));
  }
  return detail;
}
