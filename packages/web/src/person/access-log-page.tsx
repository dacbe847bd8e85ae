import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { MoreButton, useCursorList } from '../components/cursor-list.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { formatChinaTime } from '../shell/format.ts';
import { accessPurpose, actorName } from './access-purpose.ts';
import { fetchAccessLog, type AccessLogPage } from './person-api.ts';
import { personKeys } from './person-queries.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

type Entry = AccessLogPage['items'][number];
const KIND_COLOURS = { staff: 'blue', employer: 'gold', system: 'default' } as const;

/**
 * /person/access-log: who else read the person's record (agency staff, employer users, systems), when and
 * for what (named from the route, person/access-purpose.ts); newest first, fifty at a time.
 */
export function AccessLogPage({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('personPages.accessLog.title'));
  const personId = user.personId!;
  const log = useCursorList(personKeys.accessLog(personId), (cursor) => fetchAccessLog(personId, cursor));
  const entries = log.rows;
  const columns: TableColumnsType<Entry> = [
    {
      title: t('personPages.accessLog.when'),
      dataIndex: 'accessedAt',
      render: (at: string) => formatChinaTime(at, i18n.language),
    },
    {
      title: t('personPages.accessLog.who'),
      key: 'who',
      render: (_, entry) => (
        <>
          <Tag color={KIND_COLOURS[entry.actorKind]}>
            {t(`personPages.accessLog.kinds.${entry.actorKind}`)}
          </Tag>
          {actorName(entry.actorLabel)}
        </>
      ),
    },
    {
      title: t('personPages.accessLog.what'),
      dataIndex: 'route',
      render: (route: string) => t(`personPages.accessLog.purposes.${accessPurpose(route)}`),
    },
  ];
  return (
    <div className="page person-page">
      <Typography.Title level={1}>{t('personPages.accessLog.title')}</Typography.Title>
      <Typography.Paragraph>{t('personPages.accessLog.intro')}</Typography.Paragraph>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryFailure error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<Entry>
            className="person-access-table"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={entries}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('personPages.accessLog.empty') }}
          />
          <div className="person-more" role="status">
            {entries.length > 0 && t('personPages.accessLog.loaded', { count: entries.length })}
            <MoreButton list={log} text={t('personPages.accessLog.more')} />
          </div>
        </>
      )}
    </div>
  );
}
