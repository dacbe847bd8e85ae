import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, cleanup } = createShebaoRunner('calc-benefits');
afterAll(cleanup);

async function json(...args: string[]) {
  const result = await shebao(...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('shebao calc injury, injury-death, unemployment and maternity', () => {
  it('works out disability benefits by grade, in fen, with the explanation', async () => {
    // Own wage 9,000.00 within 60%-300% of 10,000.00; grade 4: 21 months, 75%; nursing 30% of 10,000.00.
    const result = await json(
      'calc',
      'injury',
      '--grade',
      '4',
      '--own-wage',
      '9000',
      '--average-wage',
      '10000',
      '--nursing',
      'part',
    );
    expect(result).toEqual({
      ownWageFen: 900_000,
      oneTimeSubsidyFen: 18_900_000,
      monthlyAllowanceFen: 675_000,
      allowancePayer: 'fund',
      nursingMonthlyFen: 300_000,
      explanation: expect.any(Object),
    });
    expect(result.explanation.oneTimeSubsidy.sources).toContain('WIIR Art. 35');
    // Grade 5 is the employer's; grade 8 has no allowance; a low wage is raised to 60%, the minimum wage floors.
    expect(
      await json('calc', 'injury', '--grade', '5', '--own-wage', '9000', '--average-wage', '10000'),
    ).toMatchObject({ monthlyAllowanceFen: 630_000, allowancePayer: 'employer', nursingMonthlyFen: 0 });
    expect(
      await json('calc', 'injury', '--grade', '8', '--own-wage', '9000', '--average-wage', '10000'),
    ).toMatchObject({ oneTimeSubsidyFen: 9_900_000, monthlyAllowanceFen: 0, allowancePayer: null });
    expect(
      await json(
        ...['calc', 'injury', '--grade', '1', '--own-wage', '1000', '--average-wage', '3000'],
        ...['--minimum-wage', '2540'],
      ),
    ).toMatchObject({ ownWageFen: 180_000, oneTimeSubsidyFen: 4_860_000, monthlyAllowanceFen: 254_000 });
  });

  it('works out the benefits on a death from a work injury', async () => {
    const result = await json(
      ...['calc', 'injury-death', '--own-wage', '12000', '--average-wage', '10000'],
      ...['--urban-income', '54188', '--spouse', '--dependents', '1'],
    );
    expect(result).toEqual({
      ownWageFen: 1_200_000,
      funeralFen: 6_000_000,
      oneTimeFen: 108_376_000,
      survivorsMonthlyFen: 840_000,
      explanation: expect.any(Object),
    });
    // 40% + 2 × 30% + 10% = 110%: at most the own wage
    const capped = await json(
      ...['calc', 'injury-death', '--own-wage', '12000', '--average-wage', '10000'],
      ...['--urban-income', '54188', '--spouse', '--dependents', '2', '--extra', '1'],
    );
    expect(capped.survivorsMonthlyFen).toBe(1_200_000);
  });

  it('gives unemployment months and the first month’s amount from the region’s policy', async () => {
    const beijing = await json(
      ...['calc', 'unemployment', '--region', '110000', '--start', '2026-03-02', '--years', '7.5'],
    );
    // 5 to under 10 years: 18 months; 90% of Beijing's 2,540.00 minimum wage = 2,286.00
    expect(beijing).toEqual({
      eligible: true,
      months: 18,
      monthlyFen: 228_600,
      explanation: expect.any(Object),
    });
    const before = await json(
      ...['calc', 'unemployment', '--region', '310000', '--start', '2026-08-15', '--years', '7.5'],
    );
    const after = await json(
      ...['calc', 'unemployment', '--region', '310000', '--start', '2026-08-16', '--years', '7.5'],
    );
    expect([before.months, before.monthlyFen]).toEqual([18, 234_000]);
    expect([after.months, after.monthlyFen]).toEqual([14, 234_000]);
    expect(
      await json('calc', 'unemployment', '--region', '440100', '--start', '2025-06-01', '--years', '12'),
    ).toMatchObject({ eligible: true, months: 24, monthlyFen: 225_000 });
    expect(
      await json('calc', 'unemployment', '--region', '110000', '--start', '2026-03-02', '--years', '0.9'),
    ).toMatchObject({ eligible: false, months: 0, monthlyFen: 0 });
    // A region without a standard in the book: entitled, no amount
    expect(
      await json('calc', 'unemployment', '--region', '510000', '--start', '2026-03-02', '--years', '3'),
    ).toMatchObject({ eligible: true, months: 12, monthlyFen: 0 });
  });

  it('works out maternity leave and the allowance', async () => {
    const national = await json('calc', 'maternity', '--employer-average-wage', '10000.01');
    // 10,000.01 ÷ 30 × 98 = 32,666.6993… → 32,666.70
    expect(national).toEqual({ leaveDays: 98, allowanceFen: 3_266_670, explanation: expect.any(Object) });
    expect(national.explanation.leave.sources).toContain('WLP Art. 7');
    expect(
      await json('calc', 'maternity', '--employer-average-wage', '9000', '--region', '110000', '--dystocia'),
    ).toMatchObject({ leaveDays: 173, allowanceFen: 5_190_000 });
    expect(
      await json('calc', 'maternity', '--employer-average-wage', '9000', '--babies', '3', '--dystocia'),
    ).toMatchObject({ leaveDays: 143 });
    expect(
      await json(
        'calc',
        'maternity',
        '--employer-average-wage',
        '9000',
        '--region',
        '110000',
        '--miscarriage',
        'late',
      ),
    ).toMatchObject({ leaveDays: 42, allowanceFen: 1_260_000 });
  });

  it('prints readable lines without --json', async () => {
    const result = await shebao(
      'calc',
      'injury',
      '--grade',
      '1',
      '--own-wage',
      '9000',
      '--average-wage',
      '10000',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('One-time subsidy:         243000.00');
    const maternity = await shebao('calc', 'maternity', '--employer-average-wage', '9000');
    expect(maternity.stdout).toContain('Leave: 98 days');
  });

  it('answers bad input with one line naming the option and exit code 2', async () => {
    for (const [args, option] of [
      [['calc', 'injury', '--grade', '11', '--own-wage', '1', '--average-wage', '1'], '--grade'],
      [['calc', 'injury', '--grade', '1', '--own-wage', '-1', '--average-wage', '1'], '--own-wage'],
      [['calc', 'injury', '--grade', '1', '--own-wage', '1', '--average-wage', '0'], '--average-wage'],
      [
        ['calc', 'injury', '--grade', '1', '--own-wage', '1', '--average-wage', '1', '--nursing', 'some'],
        '--nursing',
      ],
      [
        [
          'calc',
          'injury-death',
          '--own-wage',
          '1',
          '--average-wage',
          '1',
          '--urban-income',
          '1',
          '--dependents',
          '1',
          '--extra',
          '2',
        ],
        '--extra',
      ],
      [
        [
          'calc',
          'injury-death',
          '--own-wage',
          '1',
          '--average-wage',
          '1',
          '--urban-income',
          '1',
          '--extra',
          '1',
        ],
        '--extra',
      ],
      [['calc', 'unemployment', '--region', '990000', '--start', '2026-03-02', '--years', '3'], '--region'],
      [['calc', 'unemployment', '--region', '110000', '--start', '2026-02-30', '--years', '3'], '--start'],
      [['calc', 'unemployment', '--region', '110000', '--start', '2026-03-02', '--years', '-3'], '--years'],
      [['calc', 'maternity', '--employer-average-wage', '9000', '--babies', '0'], '--babies'],
      [['calc', 'maternity', '--employer-average-wage', '-9000'], '--employer-average-wage'],
      [['calc', 'maternity', '--employer-average-wage', '9000', '--miscarriage', 'middle'], '--miscarriage'],
    ] as const) {
      const result = await shebao(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(new RegExp(`^error: ${option}:`));
    }
  });
});
