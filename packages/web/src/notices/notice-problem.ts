import i18next from 'i18next';
import type { DescribeProblem } from '../components/problem-alert.tsx';
import { problemReason } from '../shell/problem-reason.ts';

/**
 * A failed request on the notices pages, worded the same for every audience: what failed (the page's
 * words), then the server's reason in the reader's language (shell/problem-reason.ts).
 */
export const failedAs =
  (title: string): DescribeProblem =>
  (_t, error) => ({ title, detail: problemReason(i18next, error) });
