import { applyRate, formatFenAsYuan, roundFen, type Fen, type RoundingMode } from '../money/index.ts';
import type { Category, Insurance } from '../policy/dimensions.ts';
import { PolicyMissingError, type PolicyBook } from '../policy/policy-book.ts';
import type { Period } from '../time/index.ts';

/** GBF-2019-13: the base lies between 60% and 300% of the average wage when no band is published. */
const DERIVED_FLOOR_PPM = 600_000;
const DERIVED_CEILING_PPM = 3_000_000;

/** The floor, ceiling and base rounding of one insurance for a region, month and category. */
export interface BaseBand {
  insurance: Insurance;
  floorFen: Fen;
  ceilingFen: Fen;
  /** The region's rounding of a declared base (e.g. Shanghai to the yuan), or null to keep it as declared. */
  rounding: RoundingMode | null;
  sources: string[];
  /** Readable notes on how the floor and ceiling were found. */
  notes: string[];
}

export interface ClampedBase {
  baseFen: Fen;
  declaredFen: Fen;
  /** Whether the declared amount was raised to the floor, lowered to the ceiling, or kept. */
  clampedTo: 'floor' | 'ceiling' | null;
}

export interface BaseQuery {
  regionCode: string;
  period: Period;
  insurance: Insurance;
  category: Category;
}

export function findBaseBand(book: PolicyBook, query: BaseQuery): BaseBand {
  const sources: string[] = [];
  const notes: string[] = [];
  const rounding = book.find<RoundingMode>('base.rounding', query);
  if (rounding) sources.push(rounding.parameter.source);
  const floorFen = findBound(book, query, 'base.floor', DERIVED_FLOOR_PPM, sources, notes);
  const ceilingFen = findBound(book, query, 'base.ceiling', DERIVED_CEILING_PPM, sources, notes);
  return {
    insurance: query.insurance,
    floorFen,
    ceilingFen,
    rounding: rounding?.value ?? null,
    sources,
    notes,
  };
}

/** Rounds the declared amount with the band's rounding and clamps it to the floor and ceiling. */
export function clampBase(band: BaseBand, declaredFen: Fen): ClampedBase {
  const roundedFen = band.rounding ? roundFen(declaredFen, band.rounding) : declaredFen;
  if (roundedFen < band.floorFen) return { baseFen: band.floorFen, declaredFen, clampedTo: 'floor' };
  if (roundedFen > band.ceilingFen) return { baseFen: band.ceilingFen, declaredFen, clampedTo: 'ceiling' };
  return { baseFen: roundedFen, declaredFen, clampedTo: null };
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
