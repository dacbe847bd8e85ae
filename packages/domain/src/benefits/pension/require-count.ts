/** Guards a whole, non-negative input (fen, ppm, months) and names the field when it is not. */
export function requireCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field}: must be a whole non-negative number, got ${value}`);
  }
  return value;
}
