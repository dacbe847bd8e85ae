import { z } from 'zod';
import { AppError, ErrorCode } from '../errors/index.ts';

/**
 * Keyset ("cursor") pagination: a page ends with an opaque cursor naming the last row's sort key, and the
 * next page starts after it. Unlike offsets, rows added meanwhile never shift a page.
 */

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export type CursorKey = readonly (string | number)[];

export const pageQuery = {
  cursor: z.string().max(512, 'is not a cursor this API handed out').optional(),
  // The pattern is the range itself (1-200), so the OpenAPI document says what the server takes.
  limit: z
    .string()
    .regex(/^(?:[1-9]|[1-9]\d|1\d\d|200)$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .meta({ description: `A whole number from 1 to ${MAX_PAGE_SIZE}` })
    .transform(Number)
    .optional(),
};

export function pageReply<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor names; a cursor that is not one of ours, or of another list's shape, is a 400. */
export function decodeCursor(
  cursor: string | undefined,
  shape: readonly ('string' | 'number')[],
): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  const refuse = () =>
    new AppError(ErrorCode.VALIDATION, 'query.cursor: is not a cursor this list handed out', {
      field: 'query.cursor',
    });
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (
    !Array.isArray(key) ||
    key.length !== shape.length ||
    key.some((part, index) =>
      shape[index] === 'number' ? !Number.isSafeInteger(part) : typeof part !== 'string' || part.length > 100,
    )
  ) {
    throw refuse();
  }
  return key as CursorKey;
}

/** Cuts rows fetched with `limit + 1` into a page: the extra row only tells that there is a next page. */
export function toPage<T, R = T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => CursorKey,
  shape: (row: T) => R = (row) => row as unknown as R,
): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(shape),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

export function pageLimit(limit: number | undefined): number {
  return limit ?? DEFAULT_PAGE_SIZE;
}
