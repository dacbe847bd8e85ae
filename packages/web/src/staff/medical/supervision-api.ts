import { api } from '../../api/client.ts';
import type { Body, Reply } from '../../medical/medical-api.ts';
import { dataOf } from '../api-data.ts';

/*
 * The calls of the supervision of the medical fund (docs/RULES.md 16.7): the scan that flags claims, the
 * review queue, clearing a flag, and findings with their penalties, proposed by one medical officer and
 * decided by another.
 */

export type Review = Reply<'/api/medical/reviews', 'get', 200>['items'][number];
export type ReviewRule = Review['rule'];
export type ReviewStatus = Review['status'];
export type ScanResult = Reply<'/api/medical/reviews/scan', 'post', 200>;
export type Finding = Reply<'/api/medical/findings', 'get', 200>['items'][number];
export type FindingStatus = Finding['status'];
export type FindingSubject = Finding['subject'];
export type NewFinding = Body<'/api/medical/findings'>;
export type PenaltyArticleName = NewFinding['article'];

/** The supervision rules, in the order the scan runs them and the pages list them. */
export const REVIEW_RULES = [
  'same-item-twice',
  'split-hospitalisation',
  'after-death',
  'two-places',
  'above-norm',
] as const satisfies readonly ReviewRule[];
export const REVIEW_STATUSES = ['open', 'cleared', 'finding'] as const satisfies readonly ReviewStatus[];
export const FINDING_STATUSES = [
  'proposed',
  'approved',
  'rejected',
] as const satisfies readonly FindingStatus[];

/** The most flags the queue answers at once; a full page means there may be more after its last id. */
export const REVIEWS_PAGE = 100;

export const supervisionKeys = {
  reviews: (regionCode: string, status: ReviewStatus) => ['medical', 'reviews', regionCode, status] as const,
  findings: (regionCode: string, status: FindingStatus | 'all') =>
    ['medical', 'findings', regionCode, status] as const,
};

/** A page of the review queue: flags of one status, oldest first, after the id of the page before. */
export async function fetchReviews(
  regionCode: string,
  status: ReviewStatus,
  afterId?: number,
): Promise<Review[]> {
  const reply = await dataOf(() =>
    api.GET('/api/medical/reviews', {
      params: {
        query: { regionCode, status, ...(afterId === undefined ? {} : { afterId: String(afterId) }) },
      },
    }),
  );
  return reply.items;
}

/** Runs the rules over the region's claims settled from `from` to `to`; a claim is flagged once per rule. */
export function scanClaims(regionCode: string, from: string, to: string): Promise<ScanResult> {
  return dataOf(() => api.POST('/api/medical/reviews/scan', { body: { regionCode, from, to } }));
}

/** Clears a flag: the claim was looked at and found in order, for the reason the note gives. */
export function clearFlag(flagId: number, note: string): Promise<Review> {
  return dataOf(() =>
    api.POST('/api/medical/reviews/{flagId}/clearance', {
      params: { path: { flagId: String(flagId) } },
      body: { note },
    }),
  );
}

/** The region's findings, newest first, of one status or all. */
export async function fetchFindings(regionCode: string, status: FindingStatus | 'all'): Promise<Finding[]> {
  const reply = await dataOf(() =>
    api.GET('/api/medical/findings', {
      params: { query: { regionCode, ...(status === 'all' ? {} : { status }) } },
    }),
  );
  return reply.items;
}

/** Proposes a finding over open flags; it applies only once a second officer approves it. */
export function proposeFinding(body: NewFinding): Promise<Finding> {
  return dataOf(() => api.POST('/api/medical/findings', { body }));
}

/** A second officer's decision: approved, the penalty applies at once; rejected, the flags reopen. */
export function decideFinding(findingNo: string, approve: boolean, note: string): Promise<Finding> {
  return dataOf(() =>
    api.POST('/api/medical/findings/{findingNo}/decision', {
      params: { path: { findingNo } },
      body: { approve, ...(note ? { note } : {}) },
    }),
  );
}
