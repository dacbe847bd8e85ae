import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, folder, cleanup } = createShebaoRunner('payroll');
afterAll(cleanup);

describe('shebao payroll run and return', () => {
  it('pays a month once (nothing on the roll: no payments, no files), then says it was paid', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const first = await shebao('payroll', 'run', '--region', '110000', '--period', month, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ran: true, linesPaid: 0, files: [] });
    const again = await shebao('payroll', 'run', '--region', '110000', '--period', month);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was paid already');
  }, 120_000);

  it('refuses bad arguments with exit 2 and a missing bank file with exit 1, naming what is wrong', async () => {
    const badPeriod = await shebao('payroll', 'run', '--region', '110000', '--period', '2025-13');
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain('--period');
    const ahead = await shebao('payroll', 'run', '--region', '110000', '--period', '2099-01');
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain('period');
    const missing = await shebao('payroll', 'return', join(folder, 'nowhere.csv'), '--bank-file', '1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<file>');
    const file = join(folder, 'return.csv');
    writeFileSync(file, 'reference,status,reason\n1,failed,account closed\n');
    const unknown = await shebao('payroll', 'return', file, '--bank-file', '999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('bankFileId');
    const badId = await shebao('payroll', 'return', file, '--bank-file', 'x');
    expect(badId.code).toBe(2);
  }, 120_000);
});
