import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCreditCode, makeResidentId } from '@shebao/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, folder, cleanup } = createShebaoRunner('register');
afterAll(cleanup);

function csv(name: string, lines: string[]): string {
  const path = join(folder, name);
  // A byte-order mark, as spreadsheet programs write it.
  writeFileSync(path, `\ufeff${lines.join('\n')}\n`);
  return path;
}

const creditCode = makeCreditCode('110105', 4242);
const alice = makeResidentId('110105', '1985-04-02', 2);
const bob = makeResidentId('110105', '1990-11-30', 11);
const stranger = makeResidentId('110105', '1979-01-01', 21);

describe('shebao register', () => {
  it('registers an employer and reports a refused field by its option', async () => {
    const args = [
      '--name',
      'CLI Test Co',
      '--region',
      '110105',
      '--industry-class',
      '2',
      '--established-on',
      '2025-01-02',
    ];
    const created = await shebao('register', 'employer', '--credit-code', creditCode, ...args, '--json');
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toMatchObject({ employer: { creditCode, industryClass: 2 } });
    const again = await shebao('register', 'employer', '--credit-code', creditCode, ...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^error: --credit-code: an employer with credit code \w+ is already registered\n$/,
    );
    const missing = await shebao('register', 'employer', ...args);
    expect(missing).toMatchObject({ code: 2, stderr: 'error: --credit-code: is required\n' });
    // A code the service finds malformed is a bad argument too: exit 2, as the README promises.
    const wrongCheck = `${creditCode.slice(0, 17)}${creditCode[17] === '0' ? '1' : '0'}`;
    const malformed = await shebao('register', 'employer', '--credit-code', wrongCheck, ...args);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^error: --credit-code: The check character should be \w, not \w\.\n$/);
  });

  it('applies the good rows of a person file and reports each bad one by line, column and reason', async () => {
    const file = csv('persons.csv', [
      'id-number,name,hukou-region,hukou-type,category,region',
      `${alice},Alice,110105,urban,employee,110105`,
      `${alice.slice(0, 17)}${alice[17] === '1' ? '2' : '1'},Typo,110105,urban,employee,110105`,
      `${bob},"Bob, Jr.",130102,rural,employee,110105`,
      `${stranger},Stranger,110105,city,employee,110105`,
    ]);
    const result = await shebao('register', 'person', '--file', file, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ rows: 4, applied: 2 });
    expect(report.errors).toEqual([
      { line: 3, field: 'id-number', reason: expect.stringMatching(/check character/) },
      { line: 5, field: 'hukou-type', reason: expect.stringMatching(/urban, rural/) },
    ]);
    expect(report.results.map((row: { line: number }) => row.line)).toEqual([2, 4]);
  });

  it('declares a base file all or nothing', async () => {
    const hires = csv('hires.csv', [
      'credit-code,id-number,hired-on,wage',
      `${creditCode},${alice},2025-03-01,9000`,
      `${creditCode},${bob},2025-03-01,`,
    ]);
    expect((await shebao('register', 'hire', '--file', hires)).code).toBe(0);

    const header = 'credit-code,id-number,cycle-start,wage';
    const bad = csv('bases-bad.csv', [
      header,
      `${creditCode},${alice},2025-07,10000`,
      `${creditCode},${bob},2025-07,12000.123`,
      `${creditCode},${stranger},2025-07,8000`,
    ]);
    const refused = await shebao('register', 'base', '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('line 3, wage: "12000.123" has more than 2 decimal places');
    expect(refused.stdout).toContain('line 4, id-number: no person is registered under it');
    expect(refused.stdout).toContain('0 of 3 bases applied');

    const good = csv('bases.csv', [
      header,
      `${creditCode},${alice},2025-07,10000`,
      `${creditCode},${bob},2025-07,12000`,
    ]);
    const applied = await shebao('register', 'base', '--file', good);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toContain('2 of 2 bases applied');
    // Nothing of the refused file was kept: this is the second version, not the third.
    const single = await shebao(
      'register',
      'base',
      '--credit-code',
      creditCode,
      '--id-number',
      alice,
      '--period',
      '2026-01',
      '--wage',
      '10500',
      '--source',
      'correction',
      '--json',
    );
    expect(JSON.parse(single.stdout)).toMatchObject({
      cycleStart: '2025-07',
      version: 2,
      declaredFen: 1_050_000,
    });
  });

  it('refuses a file whose header it does not know, in one line with exit code 2', async () => {
    const file = csv('unknown.csv', ['credit-code,id-number,cycle,wage', `${creditCode},${alice},2025-07,1`]);
    const result = await shebao('register', 'base', '--file', file);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: --file: unknown column "cycle"/),
    ]);
  });
});
