import { afterAll, describe, expect, it } from 'vitest';
import { addMonths } from '@shebao/domain';
import { CLI_TEST_TODAY, createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, cleanup } = createShebaoRunner('medical');
afterAll(cleanup);

describe('shebao medical', () => {
  it('settles a month, credits retirees, scans and checks the totals, each once', async () => {
    const month = CLI_TEST_TODAY.slice(0, 7);
    const last = addMonths(month, -1);
    const settled = await shebao('medical', 'settle-month', '--region', '110000', '--period', last, '--json');
    expect(settled.stderr).toBe('');
    expect(settled.code).toBe(0);
    expect(JSON.parse(settled.stdout)).toMatchObject({ regionCode: '110000', period: last, drawn: 0 });
    const credited = await shebao(
      'medical',
      'credit-retirees',
      '--region',
      '110000',
      '--period',
      month,
      '--json',
    );
    expect(credited.code).toBe(0);
    expect(JSON.parse(credited.stdout)).toMatchObject({ credited: 0, amountFen: 0 });
    const scanned = await shebao(
      'medical',
      'scan',
      '--region',
      '110000',
      '--from',
      `${last}-01`,
      '--to',
      `${last}-28`,
    );
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toContain('same-item-twice');
    const totals = await shebao('medical', 'totals', '--json');
    expect(totals.code).toBe(0);
    expect(JSON.parse(totals.stdout)).toEqual({ ok: true, drift: [] });
  }, 120_000);

  it('refuses bad arguments with exit 2 naming the argument, and a month not ended with the reason', async () => {
    const badRegion = await shebao('medical', 'settle-month', '--region', 'x', '--period', '2025-01');
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toContain('--region');
    const badDate = await shebao(
      'medical',
      'scan',
      '--region',
      '110000',
      '--from',
      '2025-02-30',
      '--to',
      '2025-03-01',
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--from');
    const month = CLI_TEST_TODAY.slice(0, 7);
    const open = await shebao('medical', 'settle-month', '--region', '110000', '--period', month);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('has not ended');
  }, 120_000);
});
