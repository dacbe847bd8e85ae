import { applyRate, formatFenAsYuan, roundFen, type Fen, type RoundingMode } from '../money/index.ts';
import type { Category, Insurance } from '../policy/dimensions.ts';
import { PolicyMissingError, type PolicyBook } from '../policy/policy-book.ts';
import type { Period } from '../time/index.ts';

/** GBF-2019-13: the base lies between 60% and 300% of the average wage when no band is published. */
const DERIVED_FLOOR_PPM = 600_000;
const DERIVED_CEILING_PPM = 3_000_000;

export interface ClampedBase {
  baseFen: Fen;
  declaredFen: Fen;
  floorFen: Fen;
  ceilingFen: Fen;
  /** Whether the declared amount was raised to the floor, lowered to the ceiling, or kept. */
  clampedTo: 'floor' | 'ceiling' | null;
  sources: string[];
  /** Readable notes on how the floor and ceiling were found. */
  notes: string[];
}

export interface BaseQuery {
  regionCode: string;
  period: Period;
  insurance: Insurance;
  category: Category;
}

/**
 * Rounds the declared amount with the region's base rounding (if any) and clamps it to the
 * insurance's floor and ceiling for the period.
 */
export function clampContributionBase(book: PolicyBook, query: BaseQuery, declaredFen: Fen): ClampedBase {
  const sources: string[] = [];
  const notes: string[] = [];
  const rounding = book.find<RoundingMode>('base.rounding', query);
  const roundedFen = rounding ? roundFen(declaredFen, rounding.value) : declaredFen;
  if (rounding) sources.push(rounding.parameter.source);

  const floorFen = findBound(book, query, 'base.floor', DERIVED_FLOOR_PPM, sources, notes);
  const ceilingFen = findBound(book, query, 'base.ceiling', DERIVED_CEILING_PPM, sources, notes);
  let baseFen = roundedFen;
  let clampedTo: ClampedBase['clampedTo'] = null;
  if (baseFen < floorFen) {
    baseFen = floorFen;
    clampedTo = 'floor';
  } else if (baseFen > ceilingFen) {
    baseFen = ceilingFen;
    clampedTo = 'ceiling';
  }
  return { baseFen, declaredFen, floorFen, ceilingFen, clampedTo, sources, notes };
}

function findBound(
  book: PolicyBook,
  query: BaseQuery,
  name: 'base.floor' | 'base.ceiling',
  derivedPpm: number,
  sources: string[],
  notes: string[],
): Fen {
  const published = book.find<number>(name, query);
  if (published) {
    sources.push(published.parameter.source);
    return published.value;
  }
  const averageWage = book.find<number>('base.averageWage', query);
  if (!averageWage) throw new PolicyMissingError(name, query);
  const boundFen = applyRate(averageWage.value, derivedPpm, 'half-up-fen');
  sources.push(averageWage.parameter.source, 'GBF-2019-13 (60%-300% of the average wage)');
  notes.push(
    `${name === 'base.floor' ? 'floor' : 'ceiling'} ${formatFenAsYuan(boundFen)} = ${derivedPpm / 10_000}% of ` +
      `average wage ${formatFenAsYuan(averageWage.value)} (no band published for ${query.period})`,
  );
  return boundFen;
}
