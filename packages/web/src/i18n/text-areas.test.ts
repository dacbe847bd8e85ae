import { describe, expect, it } from 'vitest';
import { TEXT_AREAS, type TextArea } from './index.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-cn.ts';

const areas = Object.keys(TEXT_AREAS) as TextArea[];

describe('the texts in parts (TEXT_AREAS)', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('hold, together, every %s text exactly once', async (language, all) => {
    const parts = await Promise.all(areas.map((area) => TEXT_AREAS[area][language]()));
    const keys = parts.flatMap((part) => Object.keys(part));
    // No top-level key is in two parts (a later part would replace the earlier one's texts).
    expect(keys.length).toBe(new Set(keys).size);
    expect(Object.assign({}, ...parts)).toEqual(all);
  });

  it('give each part the same keys in both languages', async () => {
    for (const area of areas) {
      const [chinese, english] = await Promise.all([TEXT_AREAS[area]['zh-CN'](), TEXT_AREAS[area].en()]);
      expect(Object.keys(english).sort(), area).toEqual(Object.keys(chinese).sort());
    }
  });
});
