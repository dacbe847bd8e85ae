import { applyRate, formatFenAsYuan, roundRatio, type Fen, type Ppm } from '../money/index.ts';

/** GBF-2019-13: a flexible worker chooses a base from 60% to 300% of the average wage. */
export const FLEXIBLE_GRADE_MIN_PPM: Ppm = 600_000;
export const FLEXIBLE_GRADE_MAX_PPM: Ppm = 3_000_000;

export type FlexibleBaseChoice =
  { baseFen: Fen; gradePpm?: undefined } | { gradePpm: Ppm; baseFen?: undefined };

export interface FlexibleBaseRange {
  averageWageFen: Fen;
  /** The lowest whole-fen base not below 60% of the average wage. */
  minFen: Fen;
  /** The highest whole-fen base not above 300% of the average wage. */
  maxFen: Fen;
}

export type FlexibleBaseCheck =
  | ({ ok: true; baseFen: Fen; gradePpm: Ppm } & FlexibleBaseRange)
  | ({ ok: false; field: 'baseFen' | 'gradePpm'; reason: string } & FlexibleBaseRange);

/** The allowed bases: 60% rounded up and 300% rounded down, so a base in fen passes exactly when its share does. */
export function flexibleBaseRange(averageWageFen: Fen): FlexibleBaseRange {
  if (!Number.isSafeInteger(averageWageFen) || averageWageFen <= 0) {
    throw new RangeError(`averageWageFen: must be a positive whole number of fen, got ${averageWageFen}`);
  }
  return {
    averageWageFen,
    minFen: applyRate(averageWageFen, FLEXIBLE_GRADE_MIN_PPM, 'up-fen'),
    maxFen: applyRate(averageWageFen, FLEXIBLE_GRADE_MAX_PPM, 'truncate-fen'),
  };
}

/**
 * Checks a flexible worker's chosen base, given either as an amount or as a grade (a share of the
 * average wage). A grade is turned into a base half-up to the fen; a base gets its grade, half-up to
 * the ppm, for the record.
 */
export function checkFlexibleBase(averageWageFen: Fen, choice: FlexibleBaseChoice): FlexibleBaseCheck {
  const range = flexibleBaseRange(averageWageFen);
  const allowed = `from ${formatFenAsYuan(range.minFen)} to ${formatFenAsYuan(range.maxFen)} yuan (60% to 300% of the average wage ${formatFenAsYuan(averageWageFen)} yuan)`;
  if (choice.gradePpm !== undefined) {
    const { gradePpm } = choice;
    if (
      !Number.isSafeInteger(gradePpm) ||
      gradePpm < FLEXIBLE_GRADE_MIN_PPM ||
      gradePpm > FLEXIBLE_GRADE_MAX_PPM
    ) {
      return {
        ok: false,
        field: 'gradePpm',
        reason: `The grade must lie between 60% and 300% of the average wage, i.e. a base ${allowed}.`,
        ...range,
      };
    }
    return { ok: true, baseFen: applyRate(averageWageFen, gradePpm, 'half-up-fen'), gradePpm, ...range };
  }
  const { baseFen } = choice;
  if (!Number.isSafeInteger(baseFen) || baseFen < range.minFen || baseFen > range.maxFen) {
    return {
      ok: false,
      field: 'baseFen',
      reason: `The base ${Number.isSafeInteger(baseFen) ? formatFenAsYuan(baseFen) + ' yuan ' : ''}must lie ${allowed}.`,
      ...range,
    };
  }
  const gradePpm = roundRatio(BigInt(baseFen) * 1_000_000n, BigInt(averageWageFen), 'half-up-fen');
  return { ok: true, baseFen, gradePpm, ...range };
}
