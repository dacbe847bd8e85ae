import { describe, expect, it } from 'vitest';
import { checkParameterValue } from './catalogue.ts';
import { PolicyBook } from './policy-book.ts';
import { SEED_PARAMETERS } from './seeds/index.ts';
import { seed } from './seeds/seed-row.ts';

describe('PolicyBook', () => {
  const rows = [
    seed('contribution.rate', '000000', '2019-05', 160000, 'national', {
      insurance: 'pension',
      party: 'employer',
    }),
    seed('contribution.rate', '440000', '2020-01', 140000, 'province', {
      insurance: 'pension',
      party: 'employer',
    }),
    seed('contribution.rate', '440000', '2022-01', 150000, 'province 2022', {
      insurance: 'pension',
      party: 'employer',
    }),
    seed('contribution.rate', '440300', '2020-01', 130000, 'city, all insurances'),
    seed('base.floor', '440000', '2021-01', 400000, 'until 2021-12', { validTo: '2021-12' }),
  ];
  const book = new PolicyBook(rows);
  const query = { period: '2023-03', insurance: 'pension', party: 'employer' } as const;

  it('falls back from county to prefecture to province to national', () => {
    expect(book.find('contribution.rate', { ...query, regionCode: '440106' })?.parameter.source).toBe(
      'province 2022',
    );
    expect(book.find('contribution.rate', { ...query, regionCode: '110000' })?.parameter.source).toBe(
      'national',
    );
    expect(book.find('contribution.rate', { ...query, regionCode: '440305' })?.parameter.source).toBe(
      'city, all insurances',
    );
  });

  it('takes the version in force for the period and respects validTo', () => {
    expect(book.find('contribution.rate', { ...query, regionCode: '440100', period: '2021-06' })?.value).toBe(
      140000,
    );
    expect(book.find('contribution.rate', { ...query, regionCode: '440100', period: '2019-06' })?.value).toBe(
      160000,
    );
    expect(
      book.find('contribution.rate', { ...query, regionCode: '440100', period: '2019-04' }),
    ).toBeUndefined();
    expect(book.find('base.floor', { regionCode: '440100', period: '2021-12' })?.value).toBe(400000);
    expect(book.find('base.floor', { regionCode: '440100', period: '2022-01' })).toBeUndefined();
  });

  it('prefers a later version of the same row, and can look as of an earlier instant', () => {
    const first = { ...rows[2]!, version: 1, recordedAt: '2022-01-10T00:00:00Z' };
    const second = { ...rows[2]!, value: 155000, version: 2, recordedAt: '2022-03-01T00:00:00Z' };
    const versioned = new PolicyBook([first, second]);
    const q = { ...query, regionCode: '440000' };
    expect(versioned.find('contribution.rate', q)?.value).toBe(155000);
    expect(versioned.asOf('2022-02-01T00:00:00Z').find('contribution.rate', q)?.value).toBe(150000);
  });

  it('explains a missing parameter', () => {
    expect(() => book.require('minimumWage', { regionCode: '440100', period: '2024-01' })).toThrow(
      'no policy parameter "minimumWage" in region 440100 (or the regions above it) for 2024-01',
    );
  });
});

describe('seed parameters', () => {
  it('all fit the catalogue and name a source', () => {
    for (const row of SEED_PARAMETERS) {
      expect(
        checkParameterValue(row.name, row.value),
        `${row.name} ${row.regionCode} ${row.validFrom}`,
      ).toBeNull();
      expect(row.source.length).toBeGreaterThan(3);
    }
  });

  it('have the minimum contribution years of the NPC-2024 annex', () => {
    const book = new PolicyBook(SEED_PARAMETERS);
    const months = (year: number) =>
      book.require('pension.minContributionMonths', { regionCode: '110000', period: `${year}-06` }).value;
    expect([2025, 2029, 2030, 2031, 2035, 2038, 2039, 2050].map(months)).toEqual([
      180, 180, 186, 192, 216, 234, 240, 240,
    ]);
  });

  it('refuse an unknown parameter or a value of the wrong kind', () => {
    expect(checkParameterValue('contribution.rat', 1)).toMatch(/unknown parameter/);
    expect(checkParameterValue('contribution.rate', 1.5)).toMatch(/whole number/);
    expect(checkParameterValue('contribution.rounding', 'nearest')).toMatch(/rounding mode/);
  });
});
