import { describe, expect, it } from 'vitest';
import { validateFlexibleRetirementChoice } from './validate-flexible-retirement-choice.ts';

const man1976 = { birthMonth: '1976-09', group: 'male' as const };
const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((reason) => reason.code);

describe('validateFlexibleRetirementChoice', () => {
  it('accepts the statutory month whatever the contributions', () => {
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2039-09',
      contributionMonths: 0,
    });
    expect(result).toMatchObject({ ok: true, kind: 'statutory', reasons: [], chosenAgeMonths: 756 });
  });

  it('accepts early retirement exactly 36 months early with the minimum met', () => {
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2036-09',
      contributionMonths: 240,
    });
    expect(result).toMatchObject({ ok: true, kind: 'early' });
  });

  it('uses the minimum of the statutory retirement year (2039: 20 years)', () => {
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2036-09',
      contributionMonths: 239,
    });
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['min-contribution-not-met']);
  });

  it('refuses more than 36 months early', () => {
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2036-08',
      contributionMonths: 300,
    });
    expect(codes(result)).toEqual(['too-early', 'below-original-age']);
  });

  it('refuses going below the original age even inside 36 months', () => {
    // Born 1965-01: statutory 60y1m (2025-02); 2024-12 would be 59y11m.
    const result = validateFlexibleRetirementChoice({
      birthMonth: '1965-01',
      group: 'male',
      chosenMonth: '2024-12',
      contributionMonths: 400,
    });
    expect(codes(result)).toEqual(['below-original-age']);
    expect(result.reasons[0]!.message).toContain('59 years 11 months');
    expect(
      validateFlexibleRetirementChoice({
        birthMonth: '1965-01',
        group: 'male',
        chosenMonth: '2025-01',
        contributionMonths: 180,
      }).ok,
    ).toBe(true);
  });

  it('lists every broken rule at once', () => {
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2030-01',
      contributionMonths: 10,
    });
    expect(codes(result)).toEqual(['min-contribution-not-met', 'too-early', 'below-original-age']);
  });

  it('accepts late retirement up to 36 months and refuses beyond', () => {
    expect(
      validateFlexibleRetirementChoice({ ...man1976, chosenMonth: '2042-09', contributionMonths: 0 }),
    ).toMatchObject({ ok: true, kind: 'late' });
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2042-10',
      contributionMonths: 0,
    });
    expect(result).toMatchObject({ ok: false, kind: 'late' });
    expect(codes(result)).toEqual(['too-late']);
  });

  it('has no flexible choice for statutory retirements before 2025-01', () => {
    const result = validateFlexibleRetirementChoice({
      birthMonth: '1964-12',
      group: 'male',
      chosenMonth: '2025-06',
      contributionMonths: 400,
    });
    expect(codes(result)).toEqual(['flexible-not-available']);
  });

  it('takes a caller-supplied minimum table', () => {
    const result = validateFlexibleRetirementChoice({
      ...man1976,
      chosenMonth: '2037-01',
      contributionMonths: 200,
      minContributionMonthsByYear: () => 200,
    });
    expect(result.ok).toBe(true);
  });

  it('names bad fields', () => {
    expect(() =>
      validateFlexibleRetirementChoice({ ...man1976, chosenMonth: '2039', contributionMonths: 0 }),
    ).toThrow(/chosenMonth/);
    expect(() =>
      validateFlexibleRetirementChoice({ ...man1976, chosenMonth: '2039-09', contributionMonths: -1 }),
    ).toThrow(/contributionMonths/);
    expect(() =>
      validateFlexibleRetirementChoice({ ...man1976, chosenMonth: '2039-09', contributionMonths: 12.5 }),
    ).toThrow(/contributionMonths/);
  });
});
