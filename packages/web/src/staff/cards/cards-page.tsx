import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Form, Input, Select, Spin, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { CardDetails, CardStatusTag } from '../../cards/card-details.tsx';
import { failedAs } from '../../cards/card-problem.ts';
import { ApplySection } from '../../cards/card-forms.tsx';
import {
  cardKeys,
  fetchCards,
  findPerson,
  IN_USE,
  ON_ITS_WAY,
  fetchQueue,
  QUEUE_STATUSES,
  type CardQueueItem,
  type CardStatus,
} from '../../cards/cards-api.ts';
import '../../cards/cards.css';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { RegionSelect } from '../region-select.tsx';
import { BatchesSection } from './batches-section.tsx';
import { actsOnCards, readsCards, verifiesECards } from './card-roles.ts';
import { StaffCardActions } from './staff-card-actions.tsx';
import { VerifySection } from './verify-section.tsx';

const S = 'cardPages.staff';

/**
 * /staff/cards (docs/RULES.md 18.2): the region's cards by status (the applications to decide first), each
 * opened with the person's cards, their history and the officer's steps; the production batches and the
 * banks' returns (18.6); and verifying electronic cards (18.7). Each part only for the roles it is for
 * (card-roles.ts).
 */
export function CardsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${S}.title`));
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const reads = readsCards(user);
  const mayAct = actsOnCards(user);
  const tabs = [
    ...(reads
      ? [
          {
            key: 'queue',
            label: t(`${S}.tabs.queue`),
            children: <QueueSection regionCode={regionCode} mayAct={mayAct} />,
          },
          {
            key: 'batches',
            label: t(`${S}.tabs.batches`),
            children: <BatchesSection regionCode={regionCode} mayAct={mayAct} />,
          },
        ]
      : []),
    ...(verifiesECards(user)
      ? [{ key: 'verify', label: t(`${S}.tabs.verify`), children: <VerifySection /> }]
      : []),
  ];
  return (
    <div className="page card-page">
      <Typography.Title level={1}>{t(`${S}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${S}.intro`)}</Typography.Paragraph>
      {reads && !mayAct && (
        <Alert type="info" showIcon className="card-read-only" title={t(`${S}.readOnly`)} />
      )}
      {reads && (
        <Form layout="inline" className="staff-toolbar">
          <Form.Item label={t(`${S}.region`)} htmlFor="cards-region">
            <RegionSelect
              id="cards-region"
              regionCodes={user.regionCodes}
              value={regionCode}
              onChange={setRegionCode}
            />
          </Form.Item>
        </Form>
      )}
      <Tabs className="card-tabs" items={tabs} />
    </div>
  );
}

/** The region's cards in one status, a page at a time, each opened in a drawer. */
function QueueSection({ regionCode, mayAct }: { regionCode: string; mayAct: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CardStatus>('applied');
  const [open, setOpen] = useState<{ personId: number; name: string } | null>(null);
  const queue = useInfiniteQuery({
    queryKey: cardKeys.queue(regionCode, status),
    queryFn: ({ pageParam }) => fetchQueue(regionCode, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: regionCode !== '',
  });
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <CounterLookup regionCode={regionCode} onFound={setOpen} />
      <Form layout="inline" className="staff-toolbar">
        <Form.Item label={t(`${S}.status`)} htmlFor="cards-status">
          <Select<CardStatus>
            id="cards-status"
            value={status}
            onChange={setStatus}
            style={{ minWidth: '10rem' }}
            options={QUEUE_STATUSES.map((value) => ({ value, label: t(`cardPages.statuses.${value}`) }))}
          />
        </Form.Item>
      </Form>
      {queue.isError ? (
        <ProblemAlert
          error={queue.error}
          describe={failedAs(t('cardPages.common.loadFailed'))}
          action={<Button onClick={() => void queue.refetch()}>{t('cardPages.common.retry')}</Button>}
        />
      ) : (
        <div className="card-table">
          <Table<CardQueueItem>
            className="card-queue"
            scroll={{ x: 'max-content' }}
            rowKey="id"
            size="small"
            loading={queue.isPending}
            pagination={false}
            dataSource={items}
            locale={{ emptyText: t(`${S}.empty`) }}
            onRow={(item) => ({ 'data-card-id': item.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'name', title: t(`${S}.columns.name`), dataIndex: 'name' },
              {
                key: 'idNumber',
                title: t(`${S}.columns.idNumber`),
                render: (_, item) => <code>{item.idNumberMasked}</code>,
              },
              {
                key: 'reason',
                title: t(`${S}.columns.reason`),
                render: (_, item) => t(`cardPages.reasons.${item.reason}`),
              },
              {
                key: 'channel',
                title: t(`${S}.columns.channel`),
                render: (_, item) => t(`cardPages.channels.${item.channel}`),
              },
              { key: 'appliedOn', title: t(`${S}.columns.appliedOn`), dataIndex: 'appliedOn' },
              { key: 'dueOn', title: t(`${S}.columns.dueOn`), dataIndex: 'dueOn' },
              {
                key: 'cardNumber',
                title: t(`${S}.columns.cardNumber`),
                render: (_, item) =>
                  item.cardNumberMasked ? (
                    <code>{item.cardNumberMasked}</code>
                  ) : (
                    <CardStatusTag status={item.status} />
                  ),
              },
              {
                key: 'actions',
                title: t(`${S}.columns.actions`),
                render: (_, item) => (
                  <Button
                    size="small"
                    className="card-open"
                    onClick={() => setOpen({ personId: item.personId, name: item.name })}
                  >
                    {t(`${S}.open`)}
                  </Button>
                ),
              },
            ]}
          />
          {queue.hasNextPage && (
            <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
              {t(`${S}.more`)}
            </Button>
          )}
        </div>
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`${S}.drawerTitle`, { name: open.name }) : ''}
        size="min(736px, 100vw)"
        className="card-drawer"
        destroyOnHidden
      >
        {open && <PersonCards personId={open.personId} mayAct={mayAct} />}
      </Drawer>
    </>
  );
}

/** The counter: a person of the region found by their whole identity number, opened like a queue row. */
function CounterLookup({
  regionCode,
  onFound,
}: {
  regionCode: string;
  onFound: (person: { personId: number; name: string }) => void;
}) {
  const { t } = useTranslation();
  const find = useMutation({
    mutationFn: (idNumber: string) => findPerson(regionCode, idNumber),
    onSuccess: (person) => person && onFound({ personId: person.id, name: person.name }),
  });
  return (
    <Card className="card-counter" size="small" title={t('cardPages.counter.title')}>
      <Typography.Paragraph>{t('cardPages.counter.intro')}</Typography.Paragraph>
      <Form<{ idNumber: string }>
        name="card-counter"
        layout="inline"
        className="staff-toolbar"
        onFinish={(fields) => find.mutate(fields.idNumber.trim().toUpperCase())}
        onValuesChange={() => find.reset()}
      >
        <Form.Item
          name="idNumber"
          label={t('cardPages.counter.idNumber')}
          rules={[{ required: true, whitespace: true, message: t('cardPages.counter.idNumberRequired') }]}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Button htmlType="submit" loading={find.isPending}>
          {t('cardPages.counter.find')}
        </Button>
      </Form>
      <div role="status">
        {find.isSuccess && find.data === null && (
          <Alert type="warning" showIcon title={t('cardPages.counter.notFound')} />
        )}
      </div>
      {find.isError && <ProblemAlert error={find.error} describe={failedAs(t('cardPages.common.failed'))} />}
    </Card>
  );
}

/** A person's cards with the officer's steps on each, and the counter's application when they have none. */
function PersonCards({ personId, mayAct }: { personId: number; mayAct: boolean }) {
  const { t } = useTranslation();
  const cards = useQuery({ queryKey: cardKeys.ofPerson(personId), queryFn: () => fetchCards(personId) });
  if (cards.isPending)
    return (
      <div className="card-loading" role="status">
        <Spin size="small" /> {t('cardPages.common.loading')}
      </div>
    );
  if (cards.isError)
    return <ProblemAlert error={cards.error} describe={failedAs(t('cardPages.common.loadFailed'))} />;
  const items = cards.data.items;
  const onItsWay = items.some((card) => ON_ITS_WAY.includes(card.effectiveStatus));
  const inUse = items.some((card) => IN_USE.includes(card.effectiveStatus));
  return (
    <>
      {mayAct && !onItsWay && !inUse && (
        <ApplySection
          personId={personId}
          formName="counter-card-apply"
          headingId="counter-apply-title"
          atCounter
        />
      )}
      {items.map((card) => (
        <CardDetails
          key={card.id}
          card={card}
          actions={mayAct ? <StaffCardActions card={card} replaceable={!onItsWay} /> : undefined}
        />
      ))}
    </>
  );
}
