import { describe, expect, it } from 'vitest';
import { reviewDetailText } from './review-detail-text.ts';

// What the server's rules write (review-rules.repository.ts, scan-claims.ts), as the demo's scan has them.
const DETAILS = {
  sameClaim: "XB05BAA030B002010100456 葡萄糖注射液（静脉注射） charged twice on the visit's day (same claim)",
  otherClaim:
    "XB05BAA030B002010100456 葡萄糖注射液（静脉注射） charged twice on the visit's day (also on MC2026102628597195C3CB)",
  readmission: 'admitted on 2026-10-20, 15 days or less after the discharge of MC20261010AAAA on 2026-10-12',
  afterDeath: 'visit on 2026-10-20, after the death on 2026-09-30',
  twoPlaces: 'visit on 2026-10-19 while staying at 北京演示第一人民医院 (MC20261024FFCE8C699077)',
  aboveNorm: "total 12000.00 yuan against the institution's 6 outpatient claims averaging 2100.50 yuan",
};

describe('what a supervision rule saw, for a Chinese reader', () => {
  it('says each rule’s finding in Chinese with its numbers', () => {
    const zh = (detail: string) => reviewDetailText(detail, 'zh-CN');
    expect(zh(DETAILS.sameClaim)).toBe(
      'XB05BAA030B002010100456 葡萄糖注射液（静脉注射） 在就诊当日重复收费（同一结算单内）',
    );
    expect(zh(DETAILS.otherClaim)).toBe(
      'XB05BAA030B002010100456 葡萄糖注射液（静脉注射） 在就诊当日重复收费（另见结算单 MC2026102628597195C3CB）',
    );
    expect(zh(DETAILS.readmission)).toBe(
      '2026-10-20 再次入院，距结算单 MC20261010AAAA 的出院日 2026-10-12 不超过 15 天',
    );
    expect(zh(DETAILS.afterDeath)).toBe('就诊日 2026-10-20 在死亡日期 2026-09-30 之后');
    expect(zh(DETAILS.twoPlaces)).toBe(
      '2026-10-19 就诊时正在北京演示第一人民医院住院（结算单 MC20261024FFCE8C699077）',
    );
    expect(zh(DETAILS.aboveNorm)).toBe('费用总额 12000.00 元，该机构 6 笔门诊结算的平均费用为 2100.50 元');
  });

  it('says an item charged twice on one claim is on the same claim, though the server names the claim', () => {
    expect(reviewDetailText(DETAILS.otherClaim, 'zh-CN', 'MC2026102628597195C3CB')).toBe(
      'XB05BAA030B002010100456 葡萄糖注射液（静脉注射） 在就诊当日重复收费（同一结算单内）',
    );
    expect(reviewDetailText(DETAILS.otherClaim, 'zh-CN', 'MC20261026OTHER')).toContain('另见结算单');
  });

  it('leaves the server’s words to an English reader, and a detail it does not know as it is', () => {
    expect(reviewDetailText(DETAILS.twoPlaces, 'en')).toBe(DETAILS.twoPlaces);
    expect(reviewDetailText('something new', 'zh-CN')).toBe('something new');
  });
});
