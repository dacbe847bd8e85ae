import { Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { ApprovalCard } from './approval-card.tsx';

type Status = 'pending' | 'approved' | 'rejected';

/**
 * /staff/approvals: proposed sensitive changes (policy versions, base corrections, and kinds to come,
 * shown generically with their payload). Another administrator than the proposer approves or rejects.
 */
export function ApprovalsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('staffPages.approvals.title'));
  const [status, setStatus] = useState<Status>('pending');
  const list = useCursorList(['staff', 'approvals', status], (cursor) =>
    dataOf(() => api.GET('/api/approvals', { params: { query: { status, ...(cursor ? { cursor } : {}) } } })),
  );
  // Newest first: the API pages by ascending id, the page shows what arrived last on top.
  const rows = [...list.rows].reverse();
  return (
    <div className="page">
      <Typography.Title level={1}>{t('staffPages.approvals.title')}</Typography.Title>
      <Typography.Paragraph>{t('staffPages.approvals.intro')}</Typography.Paragraph>
      <Segmented<Status>
        aria-label={t('staffPages.approvals.status')}
        value={status}
        onChange={setStatus}
        options={(['pending', 'approved', 'rejected'] as const).map((value) => ({
          value,
          label: t(`staffPages.approvals.statuses.${value}`),
        }))}
      />
      <div className="approval-list">
        {list.isError ? (
          <ProblemAlert error={list.error} describe={problemMessage} />
        ) : list.isPending ? null : rows.length === 0 ? (
          <Typography.Paragraph role="status">{t('staffPages.approvals.none')}</Typography.Paragraph>
        ) : (
          rows.map((approval) => <ApprovalCard key={approval.id} approval={approval} user={user} />)
        )}
      </div>
      <LoadMore list={list} text={t('staffPages.common.loadMore')} />
    </div>
  );
}
