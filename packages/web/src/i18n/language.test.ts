import { describe, expect, it } from 'vitest';
import { detectLanguage, otherLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('keeps the language chosen before', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('follows the first Chinese or English entry of the browser languages', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['zh'])).toBe('zh-CN');
    expect(detectLanguage(null, ['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLanguage(null, ['fr-FR', 'en-US', 'zh-CN'])).toBe('en');
  });

  it('falls back to Chinese for other languages, none, or a stored value it does not know', () => {
    expect(detectLanguage(null, ['fr-FR', 'de'])).toBe('zh-CN');
    expect(detectLanguage(null, [])).toBe('zh-CN');
    expect(detectLanguage('fr', ['en-US'])).toBe('en');
    expect(detectLanguage('english', [])).toBe('zh-CN');
  });

  it('names the other language for the switch', () => {
    expect(otherLanguage('zh-CN')).toBe('en');
    expect(otherLanguage('en')).toBe('zh-CN');
  });
});
