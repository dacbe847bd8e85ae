/**
 * Inclusive ranges of dates ("YYYY-MM-DD") or periods ("YYYY-MM"), open-ended when `to` is null.
 * Both forms compare correctly as text, so no parsing is needed.
 */
export interface OpenRange {
  from: string;
  to: string | null;
}

export function rangesOverlap(a: OpenRange, b: OpenRange): boolean {
  const aStartsBeforeBEnds = b.to === null || a.from <= b.to;
  const bStartsBeforeAEnds = a.to === null || b.from <= a.to;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}
