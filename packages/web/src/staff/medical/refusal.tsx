import i18next from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import type { DescribeProblem } from '../../components/problem-alert.tsx';
import { problemReason } from '../../shell/problem-reason.ts';

/**
 * How the fund pages word a refused request: what was not done (`title`), and why. The server names some
 * reasons in words meant for other pages (its `detailCode` "period-in-future" says a payroll month "cannot
 * be paid yet"); a page gives its own words for those (`reasons`, by detailCode), the rest are said as
 * everywhere else (shell/problem-reason.ts), in the reader's language.
 */
export function describeRefusal(
  title: string,
  reasons: Partial<Record<string, string>> = {},
): DescribeProblem {
  return (_t, error) => {
    const code = error instanceof ApiError ? error.problem?.detailCode : undefined;
    const reason = (code && reasons[code]) || problemReason(i18next, error);
    return { title, detail: <p className="problem-detail">{reason}</p> };
  };
}
