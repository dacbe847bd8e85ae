import { Button, Space } from 'antd';
import { useState } from 'react';
import './cursor-pager.css';

/**
 * Keyset pages (the API's opaque `cursor`): the cursors of the pages walked so far, so that "previous"
 * returns to exactly the page it left; `reset` starts again from the first page (when a filter changes).
 * The first page has no cursor.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors.at(-1),
    /** The page shown, counted from 1. */
    page: cursors.length,
    next: (nextCursor: string) => setCursors((walked) => [...walked, nextCursor]),
    previous: () => setCursors((walked) => (walked.length > 1 ? walked.slice(0, -1) : walked)),
    reset: () => setCursors([undefined]),
  };
}

export interface CursorPagerTexts {
  previous: string;
  next: string;
  /** Where the reader is ("Page 2", or just the number). */
  page: string;
  /** When given, the pager is a navigation landmark of this name. */
  label?: string;
}

/** Previous and next buttons under a cursor-paged list, and where the reader is; nothing on a lone page. */
export function CursorPager({
  pages,
  nextCursor,
  texts,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
  texts: CursorPagerTexts;
}) {
  if (pages.page === 1 && !nextCursor) return null;
  const buttons = (
    <Space className={texts.label === undefined ? 'cursor-pager' : undefined}>
      <Button onClick={pages.previous} disabled={pages.page === 1}>
        {texts.previous}
      </Button>
      <span aria-live="polite">{texts.page}</span>
      <Button onClick={() => nextCursor && pages.next(nextCursor)} disabled={!nextCursor}>
        {texts.next}
      </Button>
    </Space>
  );
  return texts.label === undefined ? (
    buttons
  ) : (
    <nav aria-label={texts.label} className="cursor-pager">
      {buttons}
    </nav>
  );
}
