import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { medicalEn } from '../i18n/locales/pages/medical.en.ts';
import { medicalZhCN } from '../i18n/locales/pages/medical.zh-cn.ts';
import { formulaSteps, inputLabel, inputValue, ruleText, sourceText, stepText } from './explanation-text.ts';

/** A t() over the medical texts alone, enough for these helpers. */
function translator(texts: object): TFunction {
  return ((key: string, values: Record<string, string> = {}) => {
    const text = key
      .replace(/^medicalPages\./, '')
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
    if (typeof text !== 'string') return values.defaultValue ?? key;
    return text.replace(/{{(\w+)}}/g, (_all, name: string) => values[name] ?? '');
  }) as unknown as TFunction;
}

// A demo stay at a level-3 hospital, as packages/domain/src/medical/settle-claim.ts explains it.
const STAY =
  "total 8980.00; not covered 1200.00; own share of part-covered items 680.00; within the policy range 7100.00; deductible of the year on the inpatient line at level 3: 1300.00, used before 0.00, applied now 1300.00; 5800.00 × 85% = 4930.00; the person's share 870.00; annual cap of the pooling fund 500000.00, left before 500000.00; the fund pays 4930.00; the person owes 4050.00, paid in cash";
const VISIT =
  "total 136.00; not covered 0.00; own share of part-covered items 8.60; within the policy range 127.40; deductible of the year on the outpatient line at level 1: 1800.00, used before 0.00, applied now 127.40; 0.00 × 90% = 0.00; the person's share 0.00; outpatient cap of the year 20000.00, left before 20000.00; annual cap of the pooling fund 500000.00, left before 500000.00; the fund pays 0.00; the person owes 136.00: 136.00 from the medical personal account (balance 6670.00), 0.00 in cash";

describe('a medical explanation for its reader', () => {
  it('splits a formula into its steps', () => {
    expect(formulaSteps(STAY)).toHaveLength(10);
    expect(formulaSteps(VISIT)).toHaveLength(11);
  });

  it('says every step of a claim in Chinese, with its numbers', () => {
    const steps = [...formulaSteps(STAY), ...formulaSteps(VISIT)].map((step) => stepText(step, 'zh-CN'));
    for (const step of steps) expect(step, step).not.toMatch(/[A-Za-z]{2,}/);
    expect(steps).toContain('住院年度起付线（三级机构）1300.00 元，此前已计入 0.00 元，本次计入 1300.00 元');
    expect(steps).toContain('起付线以上 5800.00 元 × 基金支付比例 85% = 4930.00 元');
    expect(steps).toContain('门诊年度最高支付限额 20000.00 元，本次结算前剩余 20000.00 元');
    expect(steps).toContain(
      '个人负担 136.00 元：医保个人账户支付 136.00 元（支付前余额 6670.00 元），现金支付 0.00 元',
    );
  });

  it('says the waiting period of an enrolment in Chinese', () => {
    expect(stepText('2026-11-20 + 3 + 0 months = 2027-02-20', 'zh-CN')).toBe(
      '自 2026-11-20 起算，固定等待期 3 个月，变动等待期 0 个月，2027-02-20 起享受待遇',
    );
  });

  it('says a finding’s penalty in Chinese: its article, the recovery, the fine and what follows', () => {
    const zh = translator(medicalZhCN);
    // The demo's finding against the clinic, and the longest penalties, as penalties.ts explains them.
    const steps = [
      ...formulaSteps('recover 130.00; fine 1.5 × 130.00 = 195.00'),
      ...formulaSteps('recover 10.00; fine 2 × 10.00 = 20.00; suspend the agreement for 6 months'),
      ...formulaSteps('recover 10.00; fine 3 × 10.00 = 30.00; terminate the service agreement'),
      ...formulaSteps('recover 10.00; fine 2 × 10.00 = 20.00; suspend direct settlement for 3 months'),
    ].map((step) => stepText(step, 'zh-CN'));
    for (const step of steps) expect(step, step).not.toMatch(/[A-Za-z]{2,}/);
    expect(steps.slice(0, 2)).toEqual([
      '追回医保基金损失 130.00 元',
      '处 1.5 倍罚款：1.5 × 130.00 元 = 195.00 元',
    ]);
    expect(steps).toContain('暂停医保服务协议 6 个月');
    expect(steps).toContain('解除医保服务协议');
    expect(steps).toContain('暂停医疗费用联网直接结算 3 个月');
    const rule = ruleText(
      zh,
      'MFR Art. 38: split hospitalisation, over-treatment, duplicate or over-standard charges, swapped items. The amount is recovered to the fund; the fine is 1 to 2 times it.',
      'zh-CN',
    );
    expect(rule).toBe(
      '《医疗保障基金使用监督管理条例》 第 38 条：定点医药机构分解住院、过度诊疗、重复收费、超标准收费、串换药品或诊疗项目等。造成的医保基金损失予以追回，并处损失金额 1 倍以上 2 倍以下罚款。',
    );
    expect(inputLabel(zh, 'multiple')).toBe('罚款倍数');
    expect(inputValue(zh, 'loss', '130.00 yuan')).toBe('130.00 元');
    expect(inputValue(zh, 'terminate', 'false')).toBe('否');
  });

  it('keeps the English as the server wrote it, and a step it does not know as it is', () => {
    expect(stepText('the fund pays 4930.00', 'en')).toBe('the fund pays 4930.00');
    expect(stepText('something new 1.00', 'zh-CN')).toBe('something new 1.00');
  });

  it('names the inputs’ values and the sources in the reader’s language', () => {
    const zh = translator(medicalZhCN);
    const en = translator(medicalEn);
    expect(inputValue(zh, 'total', '8980.00 yuan')).toBe('8980.00 元');
    expect(inputValue(zh, 'line', 'inpatient')).toBe('住院');
    expect(inputValue(en, 'level', '3')).toBe('Level 3');
    expect(sourceText(zh, 'SIL Art. 28', 'zh-CN')).toBe('《中华人民共和国社会保险法》 第 28 条');
    expect(sourceText(en, 'SIL Art. 28', 'en')).toBe('Social Insurance Law Art. 28');
    expect(sourceText(zh, 'GF-1998-44', 'zh-CN')).toContain('国发〔1998〕44号');
    const regional =
      '北京职工医保: deductibles, ratios and caps in the shape of GF-1998-44 and GBF-2021-14; figures are defaults to verify [U]';
    expect(sourceText(zh, regional, 'zh-CN')).toBe('北京职工医保（本地医保待遇标准，数值待核实）');
    expect(sourceText(en, regional, 'en')).toBe(regional);
  });
});
