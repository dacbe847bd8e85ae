import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages (the API's opaque `cursor`): the cursors of the pages walked so far, so "previous" goes back
 * exactly; `reset` starts again from the first page (when the filter changes).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length,
    next: (nextCursor: string) => setCursors((walked) => [...walked, nextCursor]),
    previous: () => setCursors((walked) => (walked.length > 1 ? walked.slice(0, -1) : walked)),
    reset: () => setCursors([undefined]),
  };
}

export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  if (pages.pageNumber === 1 && !nextCursor) return null;
  return (
    <Space className="money-pager">
      <Button disabled={pages.pageNumber === 1} onClick={pages.previous}>
        {t('staffMoneyPages.common.previous')}
      </Button>
      <span aria-live="polite">{pages.pageNumber}</span>
      <Button disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t('staffMoneyPages.common.next')}
      </Button>
    </Space>
  );
}
