export * from './record-types.ts';
export * from './record-rows.ts';
export { assembleRecord, firstAndLastMonth, laterOf } from './assemble-record.ts';
export * from './month-standing.ts';
export { recordRange } from './record-range.ts';
