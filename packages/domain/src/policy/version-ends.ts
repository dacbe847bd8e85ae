import { addMonths, type Period } from '../time/index.ts';

/** What a listing needs to know of a version (a PolicyParameter or its JSON): scope, months and number. */
export interface VersionRow {
  name: string;
  regionCode: string;
  insurance: string | null;
  party: string | null;
  category: string | null;
  validFrom: Period;
  validTo: Period | null;
  version: number;
}

/** Until when a version is in force, given the versions recorded after it. */
export interface VersionEnd {
  /** The last month it applies to, or null while nothing ends it. */
  effectiveTo: Period | null;
  /** A higher version from the same month (and lasting at least as long) replaced it before it began. */
  replacedByVersion: number | null;
}

/**
 * Where each version's time in force ends, as PolicyBook.find reads the rows: among rows of the same scope
 * (name, region, insurance, party, category) a later validFrom wins, and on the same validFrom the higher
 * version. A version therefore ends at its own validTo or the month before a later version that lasts at
 * least as long starts, whichever comes first; a later version with an earlier end (a temporary change)
 * interrupts it without ending it. Returned in the order of `rows`.
 */
export function versionEnds(rows: readonly VersionRow[]): VersionEnd[] {
  return rows.map((row) => {
    let effectiveTo = row.validTo;
    let replacedByVersion: number | null = null;
    for (const other of rows) {
      if (other === row || !sameScope(row, other) || !lastsAsLong(other, row)) continue;
      if (other.validFrom === row.validFrom) {
        if (other.version > row.version && (replacedByVersion === null || other.version > replacedByVersion))
          replacedByVersion = other.version;
      } else if (other.validFrom > row.validFrom) {
        const end = addMonths(other.validFrom, -1);
        if (effectiveTo === null || end < effectiveTo) effectiveTo = end;
      }
    }
    return { effectiveTo, replacedByVersion };
  });
}

function sameScope(a: VersionRow, b: VersionRow): boolean {
  return (
    a.name === b.name &&
    a.regionCode === b.regionCode &&
    a.insurance === b.insurance &&
    a.party === b.party &&
    a.category === b.category
  );
}

/** `other` runs at least to the end of `row` (an open end runs for ever). */
function lastsAsLong(other: VersionRow, row: VersionRow): boolean {
  if (other.validTo === null) return true;
  return row.validTo !== null && other.validTo >= row.validTo;
}
