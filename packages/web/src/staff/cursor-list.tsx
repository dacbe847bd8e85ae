import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

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

/** "Show more" under a cursor-paged table, when there is more. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {t('staffPages.common.loadMore')}
      </Button>
    </div>
  );
}
