import { describe, expect, it } from 'vitest';
import {
  allowanceOf,
  articlesFor,
  checkPenalty,
  penaltyProblems,
  typedMultipleToPpm,
} from './penalty-terms.ts';

describe('the penalties a finding may propose', () => {
  it('offers each subject the articles that apply to it', () => {
    expect(articlesFor('institution')).toEqual(['MFR Art. 38', 'MFR Art. 40']);
    expect(articlesFor('person')).toEqual(['MFR Art. 41', 'SIL Art. 88']);
  });

  it('says what each article allows', () => {
    expect(allowanceOf('MFR Art. 38')).toEqual({
      subject: 'institution',
      low: '1',
      high: '2',
      suspension: [6, 12],
      terminate: false,
    });
    expect(allowanceOf('MFR Art. 40')).toMatchObject({ low: '2', high: '5', terminate: true });
    expect(allowanceOf('MFR Art. 41')).toMatchObject({ subject: 'person', suspension: [3, 12] });
    expect(allowanceOf('SIL Art. 88')).toMatchObject({ subject: 'person', suspension: null });
  });

  it('reads a multiple exactly into ppm', () => {
    expect(typedMultipleToPpm('1.5')).toBe(1_500_000);
    expect(typedMultipleToPpm(' 2 倍')).toBe(2_000_000);
    expect(typedMultipleToPpm('1.25x')).toBe(1_250_000);
    expect(typedMultipleToPpm('0')).toBeNull();
    expect(typedMultipleToPpm('one')).toBeNull();
    expect(typedMultipleToPpm('')).toBeNull();
  });

  it('works out the fine the domain does, in whole fen', () => {
    expect(checkPenalty({ article: 'MFR Art. 38', loss: '130', multiple: '1.5' }, 46_750)).toEqual({
      ok: true,
      lossFen: 13_000,
      multiplePpm: 1_500_000,
      fineFen: 19_500,
      suspensionMonths: 0,
      terminate: false,
    });
    // 0.01 yuan × 1.5 rounds half up to 0.02.
    expect(checkPenalty({ article: 'MFR Art. 38', loss: '0.01', multiple: '1.5' }, 100)).toMatchObject({
      fineFen: 2,
    });
    expect(
      checkPenalty({ article: 'MFR Art. 40', loss: '1,000', multiple: '3', terminate: true }, 100_000),
    ).toMatchObject({ ok: true, fineFen: 300_000, terminate: true });
  });

  it('names what does not stand', () => {
    const check = (values: Parameters<typeof checkPenalty>[0], standing = 100_000) =>
      checkPenalty(values, standing);
    expect(check({ loss: '1', multiple: '1' })).toEqual({ ok: false, problem: 'noArticle' });
    expect(check({ article: 'MFR Art. 38', loss: '0', multiple: '1' })).toMatchObject({ problem: 'loss' });
    expect(check({ article: 'MFR Art. 38', loss: '1000.01', multiple: '1' })).toMatchObject({
      problem: 'lossAboveStanding',
    });
    expect(check({ article: 'MFR Art. 38', loss: '10', multiple: '2.5' })).toMatchObject({
      problem: 'multipleOutOfRange',
    });
    expect(check({ article: 'MFR Art. 38', loss: '10', multiple: 'x' })).toMatchObject({
      problem: 'multiple',
    });
    expect(check({ article: 'MFR Art. 38', loss: '10', multiple: '1', suspensionMonths: 3 })).toMatchObject({
      problem: 'suspensionOutOfRange',
    });
    expect(check({ article: 'SIL Art. 88', loss: '10', multiple: '2', suspensionMonths: 3 })).toMatchObject({
      problem: 'suspensionNotAllowed',
    });
    expect(check({ article: 'MFR Art. 38', loss: '10', multiple: '1', terminate: true })).toMatchObject({
      problem: 'terminateNotAllowed',
    });
    expect(
      check({ article: 'MFR Art. 40', loss: '10', multiple: '2', suspensionMonths: 6, terminate: true }),
    ).toMatchObject({ problem: 'terminateAndSuspend' });
  });

  it('finds each field’s problem on its own, for the form to show at each field', () => {
    expect(penaltyProblems({ loss: 'x', multiple: '' }, 100)).toEqual(['noArticle', 'loss', 'multiple']);
    expect(
      penaltyProblems({ article: 'MFR Art. 38', loss: '2', multiple: '3', suspensionMonths: 13 }, 100),
    ).toEqual(['lossAboveStanding', 'multipleOutOfRange', 'suspensionOutOfRange']);
    expect(penaltyProblems({ article: 'MFR Art. 38', loss: '1', multiple: '1' }, 100)).toEqual([]);
  });
});
