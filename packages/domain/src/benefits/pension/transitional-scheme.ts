import type { Fen, Ppm } from '../../money/index.ts';
import type { PensionPartDraft } from './pension-part.ts';

/** The caller's choice of provincial scheme and its parameters (docs/RULES.md 4.6). */
export interface TransitionalInput {
  /** Registered scheme name: 'none', 'guangdong', 'sichuan', or one a deployment registered. */
  scheme: 'none' | 'guangdong' | 'sichuan' | (string & {});
  /** Deemed contribution months (视同缴费年限 × 12); part of contributionMonths. */
  deemedMonths?: number;
  /** Coefficient k in ppm: 1.2% = 12000. */
  coefficientPpm?: Ppm;
  /** Deemed contribution index I_deemed in ppm: 1.0 = 1000000. */
  deemedIndexPpm?: Ppm;
  /** The provincial document the parameters come from, cited in the explanation. */
  source?: string;
}

export interface TransitionalContext extends TransitionalInput {
  calcBaseFen: Fen;
  averageIndexPpm: Ppm;
}

/** A province's transitional-pension formula; it returns the exact amount, the calculator rounds it. */
export interface TransitionalScheme {
  readonly name: string;
  readonly description: string;
  draftTransitionalPension(context: TransitionalContext): PensionPartDraft;
}
