import { assessPersonMonth, compileContributionSchedule, PolicyBook, SEED_PARAMETERS } from '@shebao/domain';
import { describe, expect, it } from 'vitest';
import { assessPersonMonthOnce, sortRowsByPerson } from './assess-hot-path.ts';

describe('assessPersonMonthOnce', () => {
  it('gives what assessPersonMonth gives, once per schedule and base', () => {
    const book = new PolicyBook(SEED_PARAMETERS);
    const schedule = compileContributionSchedule(book, {
      regionCode: '110000',
      period: '2025-07',
      category: 'employee',
      injuryClass: 3,
      injuryFloatPpm: 1_200_000,
    });
    for (const declaredFen of [0, 123_456, 900_000, 900_000, 9_999_999]) {
      expect(assessPersonMonthOnce(schedule, declaredFen)).toEqual(assessPersonMonth(schedule, declaredFen));
    }
    expect(assessPersonMonthOnce(schedule, 900_000)).toBe(assessPersonMonthOnce(schedule, 900_000));
    expect(Object.isFrozen(assessPersonMonthOnce(schedule, 900_000))).toBe(true);
  });
});

describe('sortRowsByPerson', () => {
  it('sorts by the second column, stably, a line without a person first', () => {
    const rows = [
      ['a', 7],
      ['b', 3],
      ['c', null],
      ['d', 7],
      ['e', 1],
    ];
    sortRowsByPerson(rows);
    expect(rows.map((row) => row[0])).toEqual(['c', 'e', 'b', 'a', 'd']);
  });

  it('sorts person ids too large to pack the same way', () => {
    const rows = [
      [1, 2 ** 40],
      [2, 5],
      [3, 2 ** 33],
    ];
    sortRowsByPerson(rows);
    expect(rows.map((row) => row[0])).toEqual([2, 3, 1]);
  });
});
