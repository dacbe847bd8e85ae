/**
 * A fresh Idempotency-Key for one submission of a form that moves money: a retried request carries the
 * same key and is not booked twice, the next submission gets a new one. getRandomValues works outside
 * secure contexts too (randomUUID does not).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
