import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Button } from 'antd';
import './cursor-list.css';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor-paged list (the API's `cursor` / `nextCursor`): the rows so far and a way to fetch more. */
export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  return { ...query, rows: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

/** The part of a cursor list that fetches more. */
export interface MoreRows {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The button that fetches the next rows of a cursor list; nothing when there are no more. */
export function MoreButton({ list, text }: { list: MoreRows; text: string }) {
  if (!list.hasNextPage) return null;
  return (
    <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
      {text}
    </Button>
  );
}

/** "Show more", centred under a cursor-paged table, when there is more. */
export function LoadMore({ list, text }: { list: MoreRows; text: string }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="load-more">
      <MoreButton list={list} text={text} />
    </div>
  );
}
