import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useCursorPages } from './use-cursor-pages.ts';

/** Previous and next buttons under a paged list, and where the reader is. */
export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null;
}) {
  const { t } = useTranslation();
  if (pages.page === 1 && nextCursor === null) return null;
  return (
    <nav aria-label={t('employerPages.common.pageNumber', { page: pages.page })} className="employer-pager">
      <Space>
        <Button onClick={pages.previous} disabled={pages.page === 1}>
          {t('employerPages.common.previousPage')}
        </Button>
        <span aria-live="polite">{t('employerPages.common.pageNumber', { page: pages.page })}</span>
        <Button onClick={() => nextCursor && pages.next(nextCursor)} disabled={nextCursor === null}>
          {t('employerPages.common.nextPage')}
        </Button>
      </Space>
    </nav>
  );
}
