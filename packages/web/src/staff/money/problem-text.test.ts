import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { en } from '../../i18n/locales/en.ts';
import { zhCN } from '../../i18n/locales/zh-cn.ts';
import { problemText } from './problem-text.ts';

describe('what a failed money call says', () => {
  beforeAll(async () => {
    // problemText reads the app's own i18next instance, as the pages do.
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      interpolation: { escapeValue: false },
    });
  });

  const refused = new ApiError(400, {
    title: 'Bad request',
    code: 'VALIDATION',
    detail: 'amountFen: must be more than 0',
    errors: [{ field: 'amountFen', reason: 'must be more than 0' }],
  });
  const reused = new ApiError(409, {
    code: 'CONFLICT',
    detail: 'idempotencyKey: this key was already used for a different request',
    field: 'idempotencyKey',
    detailCode: 'idempotency-key-reused',
  });

  it('keeps the reason of a refused request for an English reader', async () => {
    await i18next.changeLanguage('en');
    expect(problemText(i18next.t, refused)).toBe('amountFen: must be more than 0');
    expect(problemText(i18next.t, reused)).toMatch(/same key/);
    expect(problemText(i18next.t, new ApiError(0))).toMatch(/cannot be reached/);
    expect(problemText(i18next.t, new ApiError(503))).toMatch(/503/);
    expect(problemText(i18next.t, new TypeError('failed to fetch'))).toMatch(/cannot be reached/);
  });

  it('says it in Chinese to a Chinese reader, naming the field, never the server’s English', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(problemText(i18next.t, refused)).toBe('“金额”填写有误，请检查后重试。');
    expect(problemText(i18next.t, reused)).toBe(
      '这次提交与先前的同一笔提交内容不一致，请刷新页面后重新填写。',
    );
    const outside = new ApiError(403, {
      code: 'FORBIDDEN',
      detail: 'region 310000 is outside the regions this account may act in',
      detailCode: 'region-outside',
      params: { regionCode: '310000' },
    });
    expect(problemText(i18next.t, outside)).toBe('区划 310000 不在您负责的统筹区内。');
    const roles = new ApiError(403, {
      code: 'FORBIDDEN',
      detail: 'this needs one of the roles: admin, auditor',
      detailCode: 'role-required',
      params: { roles: 'admin,auditor' },
    });
    expect(problemText(i18next.t, roles)).toBe('此项业务需要以下角色之一：系统管理员、审计（只读）。');
    const unknownField = new ApiError(422, { code: 'RULE_VIOLATION', detail: 'zzz: nope', field: 'zzz' });
    expect(problemText(i18next.t, unknownField)).toBe('“其中一项”不符合业务规定。');
    expect(problemText(i18next.t, new ApiError(418, { detail: 'teapot' }))).toBe(
      '未能办理（服务器答复 418）。',
    );
  });
});
