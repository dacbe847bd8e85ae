import { Select, Table, Typography, type TableColumnsType } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure, StateTag, useClockWords } from '../../benefits/application-parts.tsx';
import {
  APPLICATION_STATES,
  benefitKeys,
  fetchQueue,
  type Application,
  type ApplicationState,
} from '../../benefits/benefits-api.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { usePageTitle } from '../../shell/page-title.ts';

const OPEN = 'open';

function ClockCell({ application }: { application: Application }) {
  const words = useClockWords(application);
  return (
    <span data-clock={words.kind}>
      {words.tag} {application.clock.dueOn ?? ''}
    </span>
  );
}

/** Overdue first, then by the day the decision is due (paused ones, with no due day, after). */
function byUrgency(a: Application, b: Application): number {
  if (a.clock.overdue !== b.clock.overdue) return a.clock.overdue ? -1 : 1;
  return (a.clock.dueOn ?? '9999').localeCompare(b.clock.dueOn ?? '9999');
}

/**
 * /staff/applications: the region's benefit applications with their clocks, open ones by default or those
 * of one state; overdue ones marked, sortable by the due day.
 */
export function QueuePage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.staff.queue.title'));
  const regionId = useId();
  const stateId = useId();
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [state, setState] = useState<ApplicationState | typeof OPEN>(OPEN);
  const queue = useCursorList(
    benefitKeys.queue(regionCode, state),
    (cursor) => fetchQueue(regionCode, state === OPEN ? undefined : state, cursor),
    { enabled: regionCode !== '' },
  );
  const overdue = queue.rows.filter((row) => row.clock.overdue && row.state !== 'decided').length;
  const columns: TableColumnsType<Application> = [
    {
      title: t('benefitPages.common.applicationNo'),
      dataIndex: 'applicationNo',
      render: (no: string, row) => <Link to={`/staff/applications/${row.id}`}>{no}</Link>,
    },
    {
      title: t('benefitPages.common.kind'),
      dataIndex: 'kind',
      render: (kind: Application['kind']) => t(`benefitPages.kinds.${kind}`),
    },
    {
      title: t('benefitPages.common.person'),
      dataIndex: 'personId',
      render: (personId: number) => <Link to={`/staff/persons/${personId}`}>#{personId}</Link>,
    },
    {
      title: t('benefitPages.common.filedOn'),
      dataIndex: 'filedOn',
      sorter: (a, b) => a.filedOn.localeCompare(b.filedOn),
    },
    {
      title: t('benefitPages.common.state'),
      dataIndex: 'state',
      render: (value: ApplicationState) => <StateTag state={value} />,
    },
    {
      title: t('benefitPages.clock.dueOn'),
      key: 'clock',
      defaultSortOrder: 'ascend',
      sorter: byUrgency,
      render: (_, row) => <ClockCell application={row} />,
    },
  ];
  return (
    <div className="page page-wide benefit-page">
      <Typography.Title level={1}>{t('benefitPages.staff.queue.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.staff.queue.intro')}</Typography.Paragraph>
      <div className="benefit-toolbar">
        {user.regionCodes.length > 1 && (
          <div className="benefit-toolbar-field">
            <label htmlFor={regionId}>{t('benefitPages.common.region')}</label>
            <Select
              id={regionId}
              value={regionCode}
              onChange={setRegionCode}
              options={user.regionCodes.map((code) => ({ value: code, label: code }))}
              style={{ minWidth: '10rem' }}
            />
          </div>
        )}
        <div className="benefit-toolbar-field">
          <label htmlFor={stateId}>{t('benefitPages.staff.queue.stateFilter')}</label>
          <Select
            id={stateId}
            value={state}
            onChange={setState}
            style={{ minWidth: '12rem' }}
            options={[
              { value: OPEN, label: t('benefitPages.staff.queue.open') },
              ...APPLICATION_STATES.map((value) => ({ value, label: t(`benefitPages.states.${value}`) })),
            ]}
          />
        </div>
      </div>
      {queue.isPending && regionCode !== '' ? (
        <BenefitsLoading />
      ) : queue.isError ? (
        <LoadFailure error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <p role="status">
            {t('benefitPages.staff.queue.loaded', { count: queue.rows.length })}
            {overdue > 0 && ` · ${t('benefitPages.staff.queue.overdueCount', { count: overdue })}`}
          </p>
          <Table<Application>
            className="benefit-queue"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={queue.rows}
            pagination={false}
            scroll={{ x: 760 }}
            rowClassName={(row) =>
              row.clock.overdue && row.state !== 'decided' ? 'benefit-row-overdue' : ''
            }
            locale={{ emptyText: t('benefitPages.staff.queue.empty') }}
          />
          <LoadMore list={queue} text={t('benefitPages.common.more')} />
        </>
      )}
    </div>
  );
}
