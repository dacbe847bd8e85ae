import { describe, expect, it } from 'vitest';
import { employerBearsText, explanationText } from './benefit-terms.ts';

describe('the server’s English lines of a claim, for a Chinese reader', () => {
  it('words what the employer bears of an injury in Chinese, and leaves English as it is', () => {
    const late =
      'The employer applied 14 days after its deadline of 2025-07-01: it bears the benefits of the injury arising in that period.';
    expect(employerBearsText(late, 'zh-CN')).toBe(
      '用人单位在申请期限 2025-07-01 之后 14 天才提出工伤认定申请，这期间发生的工伤待遇由用人单位负担（《工伤保险条例》第十七条）',
    );
    expect(employerBearsText(late, 'en')).toBe(late);
    expect(
      employerBearsText(
        'the wage during the stoppage period with pay from 2025-06-01 to 2026-02-28 (9 months; WIIR Art. 33)',
        'zh-CN',
      ),
    ).toBe(
      '停工留薪期内的原工资福利待遇，自 2025-06-01 至 2026-02-28，共 9 个月（《工伤保险条例》第三十三条）',
    );
    expect(
      employerBearsText(
        'the monthly disability allowance of grade 5, 7,000.00 yuan, while it arranges no suitable work (WIIR Art. 36)',
        'zh-CN',
      ),
    ).toContain('5 级伤残的伤残津贴每月 7,000.00 元');
    // A line the pages do not know stays as the server wrote it.
    expect(employerBearsText('something new', 'zh-CN')).toBe('something new');
  });

  it('words the termination report and yes or no in Chinese', () => {
    expect(
      explanationText(
        'ended 2025-06-20; reported 2025-07-15, 10 days after the deadline 2025-07-05',
        'zh-CN',
      ),
    ).toBe('2025-06-20 终止劳动关系；2025-07-15 告知经办机构，超过期限 2025-07-05 共 10 天');
    expect(explanationText('yes', 'zh-CN')).toBe('是');
    expect(explanationText('54,188.00 yuan a year', 'zh-CN')).toBe('54,188.00 元/年');
  });
});
