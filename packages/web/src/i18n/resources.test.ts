import { describe, expect, it } from 'vitest';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-cn.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const chinese = flatten(zhCN as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('have the same keys in both languages', () => {
    expect([...english.keys()].sort()).toEqual([...chinese.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...chinese, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of chinese)
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(text));
  });

  it('say Chinese things in Chinese', () => {
    for (const [key, text] of chinese) {
      if (key === 'language.switchTo' || key === 'language.switchLabel') continue;
      expect(/[\u4e00-\u9fff]/.test(text), `${key}: ${text}`).toBe(true);
    }
  });
});
