import fastJsonStringify from 'fast-json-stringify';
import { z } from 'zod';
import { rightsRecordReply, type RightsRecord } from './rights-record.schemas.ts';

/**
 * The record's JSON, written by a serializer compiled once from the reply schema (fast-json-stringify,
 * what Fastify itself uses for JSON-schema routes): about twice as fast as JSON.stringify for this shape,
 * and it writes only the schema's fields. Validating the record through Zod on every reply would cost more
 * than its queries (it is the hot path); the service builds it field by field, typed by the same schema.
 */
export const serializeRecord: (record: RightsRecord) => string = fastJsonStringify(
  z.toJSONSchema(rightsRecordReply, { target: 'draft-7' }) as Parameters<typeof fastJsonStringify>[0],
);
