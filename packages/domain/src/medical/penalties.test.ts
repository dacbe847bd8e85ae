import { describe, expect, it } from 'vitest';
import { assessPenalty } from './penalties.ts';

const base = {
  article: 'MFR Art. 38' as const,
  subject: 'institution' as const,
  lossFen: 123_457,
  multiplePpm: 1_500_000,
  suspensionMonths: 0,
  terminate: false,
};

describe('the penalties of the medical fund’s supervision', () => {
  it('recovers the amount and fines a multiple of it, half-up to the fen', () => {
    const penalty = assessPenalty(base);
    expect(penalty.recoveryFen).toBe(123_457);
    expect(penalty.fineFen).toBe(185_186);
    expect(penalty.explanation.sources).toEqual(['MFR Art. 38', 'SIL Art. 87']);
    expect(penalty.explanation.formula).toContain('1.5 × 1234.57 = 1851.86');
  });

  it('keeps each article to its subject, its range and what it allows', () => {
    expect(() => assessPenalty({ ...base, multiplePpm: 2_500_000 })).toThrow(
      /^multiplePpm: MFR Art. 38 fines 1 to 2/,
    );
    expect(() => assessPenalty({ ...base, subject: 'person' })).toThrow(/^subject/);
    expect(() => assessPenalty({ ...base, suspensionMonths: 3 })).toThrow(
      /^suspensionMonths: MFR Art. 38 suspends for 6 to 12/,
    );
    expect(() => assessPenalty({ ...base, terminate: true })).toThrow(/^terminate/);
    expect(() => assessPenalty({ ...base, lossFen: 0 })).toThrow(/^lossFen/);
    expect(
      assessPenalty({ ...base, article: 'MFR Art. 40', multiplePpm: 5_000_000, terminate: true }).explanation
        .formula,
    ).toContain('terminate the service agreement');
    expect(() =>
      assessPenalty({
        ...base,
        article: 'MFR Art. 40',
        multiplePpm: 2_000_000,
        terminate: true,
        suspensionMonths: 6,
      }),
    ).toThrow(/^terminate/);
    const person = assessPenalty({
      ...base,
      article: 'MFR Art. 41',
      subject: 'person',
      multiplePpm: 2_000_000,
      suspensionMonths: 3,
    });
    expect(person.explanation.formula).toContain('suspend direct settlement for 3 months');
    expect(() =>
      assessPenalty({
        ...base,
        article: 'SIL Art. 88',
        subject: 'person',
        multiplePpm: 2_000_000,
        suspensionMonths: 3,
      }),
    ).toThrow(/suspends nothing/);
  });
});
