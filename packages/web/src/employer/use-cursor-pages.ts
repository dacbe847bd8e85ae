import { useState } from 'react';

/**
 * Paging through a cursor list: the cursors of the pages seen so far, so that "previous" returns to
 * exactly the page it left. The first page has no cursor.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const index = cursors.length - 1;
  return {
    cursor: cursors[index],
    page: index + 1,
    next: (cursor: string) => setCursors((list) => [...list, cursor]),
    previous: () => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)),
    reset: () => setCursors([undefined]),
  };
}
