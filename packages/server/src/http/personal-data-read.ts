import type { FastifyRequest } from 'fastify';

/**
 * A route that hands out a person's data declares it (`config.personalData`), and every successful read
 * of it by someone other than the person is recorded in the access log here, in one place, before the
 * reply leaves (if the log cannot be written, the reply is a 500 and the data is not sent):
 * - `persons: 'scope'`: the person the route's access scope names (a route about one person);
 * - `persons: 'handler'`: the handler names everyone the reply shows with `markPersonsRead` (a staff list
 *   logs each person on the page); a handler that forgets to is a 500, never a silent unlogged read.
 */
export interface PersonalDataRead {
  /** What was read, as the person sees it in their log: "rights record 2025", "staff list". */
  readonly what: string | ((request: FastifyRequest) => string);
  readonly persons: 'scope' | 'handler';
}
