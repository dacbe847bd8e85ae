import { parseYuanToFen, validateCreditCode, validateResidentId } from '@shebao/domain';

/** Checks of what staff type into the money forms, shared by the forms and their tests. */

/** "12,345.6" -> 1234560 fen; null unless it is an amount above zero with at most two decimals. */
export function typedYuanToFen(text: string): number | null {
  const plain = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '');
  if (plain === '') return null;
  try {
    const fen = parseYuanToFen(plain);
    return fen > 0 ? fen : null;
  } catch {
    return null;
  }
}

/** True for an employer's credit code or a person's identity number (what a payer is named by). */
export function isPayerCode(text: string): boolean {
  return validateCreditCode(text).ok || validateResidentId(text).ok;
}
