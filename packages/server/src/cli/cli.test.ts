import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../testing/run-shebao.ts';

const { shebao, cleanup } = createShebaoRunner('cli');
afterAll(cleanup);

async function json(...args: string[]) {
  const result = await shebao(...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('shebao command line', () => {
  it('calculates the Beijing worked example in fen', async () => {
    const result = await json(
      'calc',
      'contributions',
      '--region',
      '110000',
      '--period',
      '2025-07',
      '--wage',
      '20000',
    );
    expect(result).toMatchObject({ region: '110000', period: '2025-07' });
    expect(result.totals).toMatchObject({ employerFen: 530000, employeeFen: 210300, totalFen: 740300 });
    const medical = result.lines.find(
      (line: { insurance: string; party: string }) =>
        line.insurance === 'medical' && line.party === 'employee',
    );
    expect(medical).toMatchObject({
      baseFen: 2000000,
      ratePpm: 20000,
      amountFen: 40300,
      personalAccountFen: 40000,
    });
    expect(medical.explanation.sources.length).toBeGreaterThan(0);
  });

  it('prints a table for people', async () => {
    const result = await shebao(
      'calc',
      'contributions',
      '--region',
      '110000',
      '--period',
      '2025-07',
      '--wage',
      '20000',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Employer 5300.00   Employee 2103.00   Total 7403.00 yuan');
  });

  it('calculates retirement and the pension', async () => {
    expect(await json('calc', 'retirement', '--birth', '1976-09', '--group', 'male')).toMatchObject({
      delayMonths: 36,
      retirementAgeMonths: 756,
      retirementMonth: '2039-09',
      earliestMonth: '2036-09',
      latestMonth: '2042-09',
      minContributionYears: 20,
    });
    const args = ['--region', '110000', '--retire', '2025-07', '--age', '60', '--years', '30.5'];
    const pension = await json('calc', 'pension', ...args, '--index', '1.2', '--balance', '250000');
    expect(pension).toMatchObject({
      calcBaseFen: 1204900,
      divisor: 139,
      basicFen: 404244,
      accountFen: 179856,
      transitionalFen: 0,
      totalFen: 584100,
    });
  });

  it('validates identifiers with exit codes 0 and 1', async () => {
    expect((await shebao('validate', 'id', '11010519491231002X')).code).toBe(0);
    const bad = await shebao('validate', 'id', '110105194912310021');
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(1);
    expect((await shebao('validate', 'uscc', '91350100M000100Y43')).code).toBe(0);
    expect((await shebao('validate', 'uscc', '91350100M000100Y44')).code).toBe(1);
  });

  it('answers a bad argument with one line naming it and exit code 2', async () => {
    for (const args of [
      ['calc', 'contributions', '--region', '110000', '--period', '2025-13', '--wage', '1'],
      ['calc', 'contributions', '--region', '11000', '--period', '2025-07', '--wage', '1'],
      ['calc', 'contributions', '--region', '110000', '--period', '2025-07', '--wage', 'abc'],
      ['calc', 'retirement', '--birth', '1976-08', '--group', 'women'],
      [
        'calc',
        'pension',
        '--region',
        '110000',
        '--retire',
        '2025-07',
        '--age',
        '60',
        '--years',
        '30.1',
        '--index',
        '1',
        '--balance',
        '1',
      ],
    ]) {
      const result = await shebao(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: --(period|region|wage|group|years)/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('uses a new policy version recorded by an administrator', async () => {
    const added = await shebao(
      'policy',
      'add',
      '--name',
      'contribution.rate',
      '--region',
      '110000',
      '--insurance',
      'medical',
      '--party',
      'employer',
      '--category',
      'employee',
      '--from',
      '2026-07',
      '--value',
      '9.5',
      '--source',
      'test notice',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('version 1');
    const before = await json(
      'calc',
      'contributions',
      '--region',
      '110000',
      '--period',
      '2026-06',
      '--wage',
      '20000',
    );
    const after = await json(
      'calc',
      'contributions',
      '--region',
      '110000',
      '--period',
      '2026-07',
      '--wage',
      '20000',
    );
    const medicalEmployer = (result: { lines: { insurance: string; party: string; amountFen: number }[] }) =>
      result.lines.find((line) => line.insurance === 'medical' && line.party === 'employer')!.amountFen;
    expect(medicalEmployer(before)).toBe(196000);
    expect(medicalEmployer(after)).toBe(190000);
    const refused = await shebao(
      'policy',
      'add',
      '--name',
      'contribution.rate',
      '--region',
      '110000',
      '--party',
      'nobody',
      '--from',
      '2026-07',
      '--value',
      '1',
      '--source',
      'x',
    );
    expect(refused.code).toBe(2);
  });

  it('checks the rights record summaries and computes them afresh', async () => {
    expect((await shebao('db', 'migrate')).code).toBe(0);
    expect(await json('db', 'check-summaries')).toEqual({ ok: true, wrongOrExtra: 0, missing: 0 });
    const rebuilt = await shebao('db', 'rebuild-summaries');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/computed afresh/);
  });
});
