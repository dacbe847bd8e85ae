import type { TFunction } from 'i18next';
import type { CursorPagerTexts } from '../../components/cursor-pager.tsx';

/** The money pages' words for the cursor pager: the page number alone between the two buttons. */
export function pagerTexts(t: TFunction, page: number): CursorPagerTexts {
  return {
    previous: t('staffMoneyPages.common.previous'),
    next: t('staffMoneyPages.common.next'),
    page: String(page),
  };
}
