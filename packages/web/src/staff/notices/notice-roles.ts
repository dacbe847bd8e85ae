import type { UserView } from '../../api/pending-paths.ts';

/*
 * Who sees the staff's notices page (the server's access rules, docs/ARCHITECTURE.md "Access rules"):
 * the collection officers and oversight read how deliveries stand and the runs (notice-runs.read); the
 * collection officers and administrators start a region's run (notice-runs.run).
 */
export const NOTICE_READERS = ['admin', 'collection_officer', 'inspector', 'auditor'];
export const NOTICE_RUNNERS = ['admin', 'collection_officer'];

export const readsNotices = (user: UserView) => user.roles.some((role) => NOTICE_READERS.includes(role));
export const runsNotices = (user: UserView) => user.roles.some((role) => NOTICE_RUNNERS.includes(role));
