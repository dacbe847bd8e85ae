/**
 * Why an identifier was refused: a machine-readable rule for code and tests, and one English sentence
 * naming what is wrong for the person who typed it.
 */
export interface InvalidIdentifier<Rule extends string> {
  ok: false;
  rule: Rule;
  reason: string;
}

export function invalid<Rule extends string>(rule: Rule, reason: string): InvalidIdentifier<Rule> {
  return { ok: false, rule, reason };
}

/** Input is trimmed (pasted from spreadsheets) and upper-cased (a typed "x" means "X"). */
export function normaliseIdentifierText(text: string): string {
  return text.trim().toUpperCase();
}
