import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { LoadMore } from '../../components/cursor-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { ClearFlagDialog } from './clear-flag-dialog.tsx';
import { FindingForm } from './finding-form.tsx';
import { actsOnMedical } from './medical-roles.ts';
import { RegionField } from './region-field.tsx';
import { ReviewsTable } from './reviews-table.tsx';
import { ScanForm } from './scan-form.tsx';
import {
  fetchReviews,
  REVIEW_STATUSES,
  REVIEWS_PAGE,
  supervisionKeys,
  type Review,
  type ReviewStatus,
} from './supervision-api.ts';

const R = 'medicalFundPages.reviews';

/**
 * /staff/medical/reviews: the supervision of the medical fund (docs/RULES.md 16.7). The review queue of the
 * region's flagged claims by status; the officers clear a flag with a note, select flags and propose a
 * finding over them, and run the rules over a span of days. Oversight reads the queue.
 */
export function ReviewsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${R}.title`));
  const queryClient = useQueryClient();
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [status, setStatus] = useState<ReviewStatus>('open');
  const [selected, setSelected] = useState<number[]>([]);
  const [clearing, setClearing] = useState<Review | null>(null);
  const [cleared, setCleared] = useState<Review | null>(null);
  const officer = actsOnMedical(user);
  const queue = useInfiniteQuery({
    queryKey: supervisionKeys.reviews(regionCode, status),
    queryFn: ({ pageParam }) => fetchReviews(regionCode, status, pageParam),
    initialPageParam: undefined as number | undefined,
    // The queue pages on the last id shown; a short page is the last.
    getNextPageParam: (last) => (last.length < REVIEWS_PAGE ? undefined : last.at(-1)?.id),
    enabled: regionCode !== '',
  });
  const rows = queue.data?.pages.flat() ?? [];
  // Only flags still in the list and open may be in a finding.
  const chosen = rows.filter((row) => row.status === 'open' && selected.includes(row.id));
  const open = officer && status === 'open';
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{t(`${R}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${R}.intro`)}</Typography.Paragraph>
      <div className="medical-toolbar">
        <RegionField
          id="reviews-region"
          user={user}
          value={regionCode}
          onChange={(code) => {
            setRegionCode(code);
            setSelected([]);
          }}
        />
        <Segmented<ReviewStatus>
          aria-label={t(`${R}.status`)}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setSelected([]);
          }}
          options={REVIEW_STATUSES.map((value) => ({
            value,
            label: t(`medicalFundPages.reviewStatuses.${value}`),
          }))}
        />
      </div>
      <div aria-live="polite">
        {cleared && (
          <Alert
            className="medical-outcome"
            type="success"
            showIcon
            role="status"
            closable={{ onClose: () => setCleared(null) }}
            title={t(`${R}.cleared`, { claimNo: cleared.claim.claimNo })}
          />
        )}
      </div>
      {queue.isError ? (
        <ProblemAlert error={queue.error} describe={problemMessage} />
      ) : (
        <ReviewsTable
          rows={rows}
          loading={queue.isPending}
          actions={open}
          selected={selected}
          onSelect={setSelected}
          onClear={setClearing}
        />
      )}
      <LoadMore list={queue} text={t('medicalFundPages.common.more')} />
      {open && (
        <TitledSection id="propose-finding-title" title={t(`${R}.proposeTitle`)}>
          <FindingForm flags={chosen} onProposed={() => setSelected([])} />
        </TitledSection>
      )}
      {officer && (
        <TitledSection id="scan-title" title={t('medicalFundPages.scan.title')}>
          <ScanForm key={regionCode} regionCode={regionCode} />
        </TitledSection>
      )}
      <ClearFlagDialog
        flag={clearing}
        onClose={() => setClearing(null)}
        onCleared={(flag) => {
          setClearing(null);
          setCleared(flag);
          setSelected((ids) => ids.filter((id) => id !== flag.id));
          void queryClient.invalidateQueries({ queryKey: ['medical', 'reviews'] });
        }}
      />
    </div>
  );
}
