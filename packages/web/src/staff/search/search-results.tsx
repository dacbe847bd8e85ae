import { Table, type TableColumnsType } from 'antd';
import type { QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';

/**
 * The results of a staff search as a cursor-paged table under a "Results" heading. Employers and persons
 * differ only in what is fetched, the columns and the empty message, so those are what the caller passes.
 */
export function SearchResults<Row extends { id: number }>({
  headingId,
  queryKey,
  fetchPage,
  emptyText,
  columns,
}: {
  /** The heading's id, which names the section for screen readers; unique on the page. */
  headingId: string;
  queryKey: QueryKey;
  fetchPage: (cursor: string | undefined) => Promise<{ items: Row[]; nextCursor: string | null }>;
  emptyText: string;
  columns: TableColumnsType<Row>;
}) {
  const { t } = useTranslation();
  const list = useCursorList(queryKey, fetchPage);
  if (list.isError) return <ProblemAlert error={list.error} describe={problemMessage} />;
  return (
    <TitledSection id={headingId} title={t('staffPages.search.results')}>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.isPending}
        pagination={false}
        dataSource={list.rows}
        locale={{ emptyText }}
        columns={columns}
      />
      <LoadMore list={list} text={t('staffPages.common.loadMore')} />
    </TitledSection>
  );
}
