export {
  listAccessLog,
  recordAccess,
  type AccessLogDeps,
  type AccessLogPage,
  type AccessRead,
} from './access-log.service.ts';
export { accessActor, accessLogEntry, type AccessActor, type AccessLogEntry } from './access-log.schemas.ts';
export { createBatchedAccessWriter } from './batched-writer.ts';
