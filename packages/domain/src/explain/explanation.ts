/**
 * Every calculated amount carries an explanation: what went in, which rule turned it into the
 * result, and the legal or policy source of that rule, so a person or an auditor can follow it.
 */
export interface Explanation {
  /** The rule in words, e.g. "base × rate, half-up to the fen". */
  rule: string;
  /** The formula with the actual numbers, e.g. "20000.00 × 8% = 1600.00". */
  formula: string;
  /** The inputs by name, as display text (yuan, percent, months ...). */
  inputs: Record<string, string>;
  /** Legal or policy sources, e.g. "GBF-2019-13", "京人社发〔2025〕13号". */
  sources: string[];
}
