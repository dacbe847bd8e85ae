export { withIdempotency, hashRequest } from './with-idempotency.ts';
