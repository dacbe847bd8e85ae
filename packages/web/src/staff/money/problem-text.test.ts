import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { en } from '../../i18n/locales/en.ts';
import { problemText } from './problem-text.ts';

describe('what a failed money call says', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false },
    });
  });

  it('names the field and keeps the reason of a refused request', () => {
    const error = new ApiError(400, {
      title: 'Bad request',
      detail: 'amountFen: must be more than 0',
      errors: [{ field: 'amountFen', reason: 'must be more than 0' }],
    });
    expect(problemText(i18n.t, error)).toBe('Please check amountFen: must be more than 0');
  });

  it('says in the reader’s language what a status means', () => {
    expect(problemText(i18n.t, new ApiError(0))).toMatch(/cannot be reached/);
    expect(problemText(i18n.t, new ApiError(403, { detail: 'region 310000 is outside' }))).toMatch(
      /not in this region/,
    );
    expect(problemText(i18n.t, new ApiError(409, { detail: 'key reused' }))).toMatch(/same key/);
    expect(problemText(i18n.t, new ApiError(404, { detail: 'no payment PAY1' }))).toBe(
      'No such record: no payment PAY1',
    );
    expect(problemText(i18n.t, new ApiError(503))).toMatch(/503/);
    expect(problemText(i18n.t, new TypeError('failed to fetch'))).toMatch(/cannot be reached/);
  });
});
