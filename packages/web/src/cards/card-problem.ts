import i18next from 'i18next';
import { ApiError } from '../api/api-error.ts';
import type { DescribeProblem } from '../components/problem-alert.tsx';
import { problemReason } from '../shell/problem-reason.ts';

/**
 * A failed request on the card pages: what failed (the page's words), then the server's reason in the
 * reader's language (shell/problem-reason.ts).
 */
export const failedAs =
  (title: string): DescribeProblem =>
  (_t, error) => ({ title, detail: problemReason(i18next, error) });

/** The fields a 400 or 422 names, by their last part ("rows.0.photo" -> "photo"), among `known`. */
export function fieldsNamed<F extends string>(error: unknown, known: readonly F[]): F[] {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return [];
  const named = [error.problem?.field, ...(error.problem?.errors ?? []).map((it) => it.field ?? it.path)];
  const names = named
    .filter((it): it is string => typeof it === 'string')
    .map((field) => field.split(/[./]/).at(-1)!)
    .filter((field): field is F => (known as readonly string[]).includes(field));
  return [...new Set(names)];
}
