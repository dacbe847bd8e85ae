import type { BaseFileError } from './employer-api.ts';

export type BaseFileReasonKey =
  'notFoundIdNumber' | 'notEmployed' | 'duplicate' | 'notAmount' | 'empty' | 'notPositive';

/** The reader's-language reason for the refusals an employer meets in practice; others keep the server's. */
export function baseFileReasonKey(error: BaseFileError): BaseFileReasonKey | null {
  const field = error.field.split('.').at(-1);
  if (error.reason === 'must not be empty') return 'empty';
  if (error.reason === 'must be more than 0') return 'notPositive';
  if (field === 'declared' || field === 'declaredFen') return 'notAmount';
  if (field !== 'idNumber' && field !== 'personId') return null;
  if (error.code === 'NOT_FOUND') return 'notFoundIdNumber';
  if (error.code === 'RULE_VIOLATION') return 'notEmployed';
  if (error.reason.includes('already declares')) return 'duplicate';
  return null;
}
