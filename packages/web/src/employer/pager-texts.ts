import type { TFunction } from 'i18next';
import type { CursorPagerTexts } from '../components/cursor-pager.tsx';

/** The employer pages' words for the cursor pager: "Page 2", which also names the pager's landmark. */
export function pagerTexts(t: TFunction, page: number): CursorPagerTexts {
  const where = t('employerPages.common.pageNumber', { page });
  return {
    previous: t('employerPages.common.previousPage'),
    next: t('employerPages.common.nextPage'),
    page: where,
    label: where,
  };
}
