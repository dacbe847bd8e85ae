export {
  listAccessLog,
  recordAccess,
  type AccessLogDeps,
  type AccessLogPage,
  type AccessRead,
} from './service.ts';
export { accessActor, accessLogEntry, type AccessActor, type AccessLogEntry } from './schemas.ts';
export { createBatchedAccessWriter } from './batched-writer.ts';
