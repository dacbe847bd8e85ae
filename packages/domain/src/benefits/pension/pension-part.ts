import type { Explanation } from '../../explain/index.ts';
import {
  formatFenAsYuan,
  ROUNDING_MODE_LABELS,
  roundRatio,
  type Fen,
  type RoundingMode,
} from '../../money/index.ts';
import { formatExactDecimal, formatRoundedDecimal } from '../../money/index.ts';

/** One pension part before rounding: the exact amount in fen as a rational, and how it was obtained. */
export interface PensionPartDraft {
  numerator: bigint;
  denominator: bigint;
  rule: string;
  /** The formula's left-hand side with the actual numbers, e.g. "12049.00 × (1 + 1.2) / 2 × 30.5 × 1%". */
  terms: string;
  inputs: Record<string, string>;
  sources: string[];
}

export interface PensionPart {
  amountFen: Fen;
  explanation: Explanation;
}

/** Rounds the exact amount once and writes the explanation, showing the unrounded value when it differs. */
export function roundPensionPart(draft: PensionPartDraft, rounding: RoundingMode): PensionPart {
  const amountFen = roundRatio(draft.numerator, draft.denominator, rounding);
  const isExact = draft.numerator === BigInt(amountFen) * draft.denominator;
  const yuanDenominator = draft.denominator * 100n;
  const terminating = formatExactDecimal(draft.numerator, yuanDenominator);
  const formula = isExact
    ? `${draft.terms} = ${formatFenAsYuan(amountFen)}`
    : terminating !== undefined
      ? `${draft.terms} = ${terminating} → ${formatFenAsYuan(amountFen)}`
      : `${draft.terms} ≈ ${formatRoundedDecimal(draft.numerator, yuanDenominator, 6)} → ${formatFenAsYuan(amountFen)}`;
  return {
    amountFen,
    explanation: {
      rule: `${draft.rule} Rounded once: ${ROUNDING_MODE_LABELS[rounding]}.`,
      formula,
      inputs: draft.inputs,
      sources: draft.sources,
    },
  };
}
