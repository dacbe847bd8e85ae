import { describe, expect, it } from 'vitest';
import { versionEnds, type VersionRow } from './version-ends.ts';

const row = (validFrom: string, validTo: string | null, version = 1, name = 'base.floor'): VersionRow => ({
  name,
  regionCode: '110000',
  insurance: null,
  party: null,
  category: null,
  validFrom,
  validTo,
  version,
});

describe('versionEnds', () => {
  it('ends a version the month before its successor starts; the newest stays open', () => {
    const rows = [row('2024-07', null), row('2025-07', null), row('2023-07', null)];
    expect(versionEnds(rows)).toEqual([
      { effectiveTo: '2025-06', replacedByVersion: null },
      { effectiveTo: null, replacedByVersion: null },
      { effectiveTo: '2024-06', replacedByVersion: null },
    ]);
  });

  it('keeps its own earlier end, and names the higher version of the same month that replaced it', () => {
    const rows = [row('2024-07', '2024-12'), row('2025-07', null), row('2025-07', null, 2)];
    expect(versionEnds(rows)).toEqual([
      { effectiveTo: '2024-12', replacedByVersion: null },
      { effectiveTo: null, replacedByVersion: 2 },
      { effectiveTo: null, replacedByVersion: null },
    ]);
  });

  it('is not ended by a temporary change, nor by another scope or parameter', () => {
    const narrower = { ...row('2025-01', null), insurance: 'pension' as const };
    const rows = [
      row('2024-07', null),
      row('2025-01', '2025-03'),
      narrower,
      row('2025-05', null, 1, 'base.ceiling'),
    ];
    expect(versionEnds(rows).map((end) => end.effectiveTo)).toEqual([null, '2025-03', null, null]);
  });
});
