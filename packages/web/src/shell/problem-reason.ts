import type { i18n as I18n } from 'i18next';
import { ApiError } from '../api/api-error.ts';

/** The part of i18next this needs: a translation that may be looked up by a key made at run time. */
type Translator = Pick<I18n, 't' | 'exists' | 'language'>;

/** The field a problem names: `field`, or the first of `errors`, or the "field: reason" of its detail. */
export function problemField(error: ApiError): string | undefined {
  const problem = error.problem;
  return problem?.field ?? problem?.errors?.[0]?.field ?? problem?.detail?.match(/^([\w.]+):/)?.[1];
}

/** A field the server named ("employees.3.declaredFen", "query.period"), as the pages call it. */
export function fieldLabel(i18n: Translator, field: string): string {
  const last = field.split('.').findLast((part) => !/^\d+$/.test(part)) ?? field;
  const key = `problem.fields.${last}`;
  return i18n.exists(key) ? translate(i18n, key) : translate(i18n, 'problem.fields.other');
}

function translate(i18n: Translator, key: string, values?: Record<string, unknown>): string {
  return (i18n.t as (key: string, values?: Record<string, unknown>) => string)(key, values);
}

/** Role names in a reason's parameters ("admin,auditor") as the reader's role names. */
function translatedParams(i18n: Translator, params: Record<string, string | number>) {
  const values: Record<string, string | number> = { ...params };
  if (typeof params.roles === 'string')
    values.roles = params.roles
      .split(',')
      .map((role) => (i18n.exists(`roles.${role}`) ? translate(i18n, `roles.${role}`) : role))
      .join(i18n.language === 'en' ? ', ' : '、');
  return values;
}

/**
 * Why the server refused, in the reader's language: its `detailCode` translated with its `params`, else
 * a sentence chosen by the problem's `code` naming the field. The server's `detail` is English for API
 * clients: it is shown only to an English reader, and only when nothing more specific is known.
 */
export function problemReason(i18n: Translator, error: unknown): string {
  if (!(error instanceof ApiError) || error.status === 0) return translate(i18n, 'problem.network');
  const problem = error.problem;
  const reasonKey = problem?.detailCode ? `problem.reasons.${problem.detailCode}` : undefined;
  if (reasonKey && i18n.exists(reasonKey))
    return translate(i18n, reasonKey, translatedParams(i18n, problem?.params ?? {}));
  if (i18n.language === 'en' && problem?.detail) return problem.detail;
  const code = problem?.code;
  const field = problemField(error);
  if (code && field && i18n.exists(`problem.withField.${code}`))
    return translate(i18n, `problem.withField.${code}`, { field: fieldLabel(i18n, field) });
  if (code && i18n.exists(`problem.byCode.${code}`)) return translate(i18n, `problem.byCode.${code}`);
  return translate(i18n, 'problem.byCode.other', { status: error.status });
}
