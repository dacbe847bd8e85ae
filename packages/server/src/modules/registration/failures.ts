import { PolicyMissingError } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';

/** Short constructors for the refusals of this module; each names the field at fault. */

export function invalidField(field: string, reason: string): AppError {
  return new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, { field });
}

export function notFound(field: string, reason: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `${field}: ${reason}`, { field });
}

export function conflict(field: string, reason: string): AppError {
  return new AppError(ErrorCode.CONFLICT, `${field}: ${reason}`, { field });
}

export function ruleViolation(field: string, reason: string): AppError {
  return new AppError(ErrorCode.RULE_VIOLATION, `${field}: ${reason}`, { field });
}

/**
 * Whether a database error is a unique-constraint violation: the loser of a race between two
 * registrations of the same identifier gets CONFLICT, like the one who came second.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite (better-sqlite3) and PostgreSQL (SQLSTATE 23505)
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Runs a policy lookup; a parameter missing for the region and period becomes POLICY_MISSING naming the field. */
export function withPolicy<T>(field: string, lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof PolicyMissingError) {
      throw new AppError(ErrorCode.POLICY_MISSING, `${field}: ${error.message}`, { field, cause: error });
    }
    throw error;
  }
}
