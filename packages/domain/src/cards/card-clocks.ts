import { addDays, parseBusinessDate, type BusinessDate } from '../time/index.ts';

/**
 * The last day a temporary loss report blocks the card (docs/RULES.md 18.5): the day of the report and
 * the region's days after it; from the next day the report has lapsed unless it was made formal.
 */
export function temporaryLossUntil(reportedOn: BusinessDate, days: number): BusinessDate {
  parseBusinessDate(reportedOn, 'reportedOn');
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError(`days: ${days} is not a positive whole number`);
  return addDays(reportedOn, days);
}

/** How long an electronic card's code lives: short, so a screenshot is of no use for long (18.7). */
export const E_CARD_TOKEN_SECONDS = 120;

export type ECardVerdict =
  | { valid: true }
  | {
      valid: false;
      reason:
        | 'expired'
        | 'not-yet-valid'
        | 'forged'
        | 'malformed'
        | 'unknown-card'
        | 'card-blocked'
        | 'card-not-in-use';
    };

/**
 * What a verifier is told of an electronic card's code (18.7): valid only when the signature holds, the
 * code has not expired and the card is in use (active, not temporarily lost) today.
 */
export function eCardVerdict(
  check: {
    signatureValid: boolean;
    issuedAtSeconds: number;
    expiresAtSeconds: number;
    cardStatus: string | null;
  },
  nowSeconds: number,
): ECardVerdict {
  if (!check.signatureValid) return { valid: false, reason: 'forged' };
  // A minute's grace for a clock set a little ahead on the issuing side.
  if (check.issuedAtSeconds > nowSeconds + 60) return { valid: false, reason: 'not-yet-valid' };
  if (nowSeconds >= check.expiresAtSeconds) return { valid: false, reason: 'expired' };
  if (check.cardStatus === null) return { valid: false, reason: 'unknown-card' };
  if (check.cardStatus === 'temporarily_lost') return { valid: false, reason: 'card-blocked' };
  if (check.cardStatus !== 'active') return { valid: false, reason: 'card-not-in-use' };
  return { valid: true };
}
