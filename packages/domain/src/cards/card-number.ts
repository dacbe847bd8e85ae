/**
 * The social security card number (docs/RULES.md 18.1): a locally issued identifier of nine characters,
 * one capital letter and eight digits (e.g. D58009678). It names a card, never a person: the person's
 * social security number is their identity number, and a replacement card gets a new card number.
 */

export const CARD_NUMBER_PATTERN = /^[A-Z]\d{8}$/;

/** Whether the text is a card number in the issuing format. */
export function isCardNumber(text: string): boolean {
  return CARD_NUMBER_PATTERN.test(text);
}

/** The card number of the region's letter and the next number of its sequence (1 .. 99,999,999). */
export function makeCardNumber(letter: string, sequence: number): string {
  if (!/^[A-Z]$/.test(letter)) throw new RangeError(`letter: "${letter}" is not one capital letter`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 99_999_999)
    throw new RangeError(`sequence: ${sequence} is outside 1..99999999`);
  return `${letter}${String(sequence).padStart(8, '0')}`;
}

/** The card number as lists and verifiers show it: the letter, the first digit and the last three (D5*****678). */
export function maskCardNumber(cardNumber: string): string {
  if (!isCardNumber(cardNumber)) return '*********';
  return `${cardNumber.slice(0, 2)}*****${cardNumber.slice(6)}`;
}

/** A name as a verifier sees it: the first character kept, the rest starred (张** / W***). */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
