import type { paths } from '../../api/schema.ts';

/** A month's collection run as a background job, as the server reports it (the runs page and its progress card). */
export type CollectionJob =
  paths['/api/collection/jobs/{jobId}']['get']['responses'][200]['content']['application/json'];
