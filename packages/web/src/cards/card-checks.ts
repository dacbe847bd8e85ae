/** The largest photo the server takes (docs/RULES.md 18.3): 1 MiB. */
export const PHOTO_MAX_BYTES = 1_048_576;

/**
 * The browser's own check of a chosen photo before anything is sent (docs/RULES.md 18.3): a JPEG or PNG by
 * the type the browser gives it, at most 1 MiB. The server reads the type from the bytes and may still
 * refuse it; that refusal is marked on the field by the page.
 */
export function photoProblem(
  file: { type: string; size: number } | undefined,
): 'required' | 'wrongType' | 'tooLarge' | null {
  if (!file) return 'required';
  if (file.type && !['image/jpeg', 'image/png'].includes(file.type)) return 'wrongType';
  if (file.size > PHOTO_MAX_BYTES) return 'tooLarge';
  return null;
}

/**
 * Whether a typed identity number agrees with the masked one an employer's staff list shows (its first six
 * and last four characters, the rest starred), so a typing slip is caught before the row is sent.
 */
export function fitsMask(idNumber: string, masked: string): boolean {
  const typed = idNumber.trim().toUpperCase();
  return typed.length === masked.length && [...masked].every((char, i) => char === '*' || char === typed[i]);
}
