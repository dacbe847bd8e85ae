import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';
import { problemField, problemReason } from '../shell/problem-reason.ts';

export { problemField };

type Translate = TFunction;

const KNOWN_FIELDS = new Set([
  'idNumber',
  'name',
  'hiredOn',
  'leftOn',
  'reason',
  'monthlyWageFen',
  'hukouType',
  'hukouRegionCode',
  'declaredFen',
  'declared',
  'cycleStart',
  'period',
  'employmentId',
  'personId',
  'employerId',
  'body',
  'row',
]);

/** A field the server named, in the reader's language where the page knows it. */
export function fieldName(t: Translate, field: string | undefined): string {
  if (!field) return '';
  const last = field.split('.').at(-1)!;
  return KNOWN_FIELDS.has(last) ? t(`employerPages.fields.${last as 'name'}`) : field;
}

/**
 * What a refusal says to the person: a sentence in their language chosen by status, naming the field,
 * and the server's reason beside it, also in their language (shell/problem-reason.ts).
 */
export function problemMessage(t: Translate, error: unknown): { title: string; detail?: string } {
  if (!(error instanceof ApiError) || error.status === 0)
    return { title: t('employerPages.problem.network') };
  const field = fieldName(t, problemField(error));
  const detail = error.problem ? problemReason(i18next, error) : undefined;
  const title = (() => {
    if (error.status === 403) return t('employerPages.problem.forbidden');
    if (error.status === 404) return t('employerPages.problem.notFound', { field });
    if (error.status === 409) return t('employerPages.problem.conflict', { field });
    if (error.status === 400) return t('employerPages.problem.invalid', { field });
    if (error.status === 422) return t('employerPages.problem.rule', { field });
    if (error.status >= 500) return t('employerPages.problem.server', { status: error.status });
    return t('employerPages.problem.other', { status: error.status });
  })();
  return detail ? { title, detail } : { title };
}
