import type { Explanation } from '../explain/index.ts';
import { formatFenAsYuan as yuan } from '../money/index.ts';

/** Why a card is issued: the first card, or a replacement of a lost or damaged one, or of an older generation. */
export const CARD_REASONS = ['first', 'lost', 'damaged', 'upgrade'] as const;
export type CardReason = (typeof CARD_REASONS)[number];

/** The grounds on which a replacement fee is waived (docs/RULES.md 18.4). */
export const FEE_EXEMPTIONS = ['subsistence-allowance', 'disability'] as const;
export type FeeExemption = (typeof FEE_EXEMPTIONS)[number];

/** The region's fee rules, the policy parameter `cards.replacementFee`. */
export interface ReplacementFeeRules {
  /** The cost fee of replacing a lost card, in fen. */
  lostFen: number;
  /** The cost fee of replacing a damaged card, in fen. */
  damagedFen: number;
  /** A second-generation card changed for a third: free where the region says 0. */
  upgradeFen: number;
  /** The exemptions the region grants. */
  exemptions: readonly FeeExemption[];
}

export interface CardFee {
  feeFen: number;
  /** The exemption applied, when one waived a fee that was due. */
  exemption: FeeExemption | null;
  explanation: Explanation;
}

/**
 * The fee of issuing a card (docs/RULES.md 18.4): the first card is free; a replacement of a lost or
 * damaged card costs the region's cost fee, waived for a subsistence-allowance recipient or a disabled
 * person where the region grants it; a generation upgrade costs the region's upgrade fee (free in most).
 */
export function cardFee(
  reason: CardReason,
  rules: ReplacementFeeRules,
  claimed: FeeExemption | null,
  source: string,
): CardFee {
  for (const [name, fen] of Object.entries({
    lostFen: rules.lostFen,
    damagedFen: rules.damagedFen,
    upgradeFen: rules.upgradeFen,
  }))
    if (!Number.isSafeInteger(fen) || fen < 0)
      throw new RangeError(`${name}: ${fen} is not a whole number of fen`);
  const due =
    reason === 'first'
      ? 0
      : reason === 'lost'
        ? rules.lostFen
        : reason === 'damaged'
          ? rules.damagedFen
          : rules.upgradeFen;
  const inputs: Record<string, string> = { reason, 'fee of the region': yuan(due) };
  if (due === 0)
    return {
      feeFen: 0,
      exemption: null,
      explanation: {
        rule:
          reason === 'first'
            ? 'the first card is issued free'
            : `a ${reason} card is replaced free in this region`,
        formula: '0.00',
        inputs,
        sources: [reason === 'first' ? 'docs/RULES.md 18.4 (first issue free)' : source],
      },
    };
  if (claimed !== null) {
    inputs.exemption = claimed;
    if (rules.exemptions.includes(claimed))
      return {
        feeFen: 0,
        exemption: claimed,
        explanation: {
          rule: `the replacement fee is waived for a ${claimed === 'disability' ? 'disabled person' : 'subsistence-allowance recipient'}`,
          formula: `${yuan(due)} waived = 0.00`,
          inputs,
          sources: [source],
        },
      };
  }
  return {
    feeFen: due,
    exemption: null,
    explanation: {
      rule:
        claimed === null
          ? `the region's cost fee of replacing a ${reason} card`
          : `the region's cost fee; it grants no ${claimed} exemption`,
      formula: yuan(due),
      inputs,
      sources: [source],
    },
  };
}
