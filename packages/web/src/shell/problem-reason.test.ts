import { readFile } from 'node:fs/promises';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { en } from '../i18n/locales/en.ts';
import { zhCN } from '../i18n/locales/zh-cn.ts';
import { problemReason } from './problem-reason.ts';

/** The server's list of reasons (packages/server/src/errors/detail-code.ts), read as text. */
async function serverDetailCodes(): Promise<string[]> {
  const url = new URL('../../../server/src/errors/detail-code.ts', import.meta.url);
  const text = await readFile(url, 'utf8');
  const list = /DETAIL_CODES = \[([^\]]*)\]/.exec(text)?.[1] ?? '';
  return [...list.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]!);
}

async function reader(language: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

describe('the server’s reasons in the reader’s language', () => {
  it('has a sentence in both languages for every reason the server can give', async () => {
    const codes = await serverDetailCodes();
    expect(codes.length).toBeGreaterThan(10);
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = await reader(language);
      for (const code of codes)
        expect(i18n.exists(`problem.reasons.${code}`), `${language} ${code}`).toBe(true);
    }
  });

  it('never shows a Chinese reader the server’s English, whatever problem comes', async () => {
    const i18n = await reader('zh-CN');
    const problems = [
      new ApiError(400, { code: 'VALIDATION', detail: 'employees.3.declaredFen: must be a whole number' }),
      new ApiError(404, { code: 'NOT_FOUND', detail: 'no such thing' }),
      new ApiError(403, { code: 'FORBIDDEN', detail: 'x', detailCode: 'a-reason-added-later' }),
      new ApiError(409, { code: 'CONFLICT', field: 'query.cursor', detail: 'query.cursor: stale' }),
      new ApiError(500, { code: 'INTERNAL', detail: 'An unexpected error occurred.' }),
      new ApiError(413),
      new ApiError(0),
    ];
    for (const problem of problems) {
      const text = problemReason(i18n, problem);
      expect(text, problem.message).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(problemReason(i18n, problems[0])).toBe('“申报基数”填写有误，请检查后重试。');
  });
});
