import { formatFenAsYuan, makeCreditCode, makeResidentId } from '@shebao/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonRunner, registerEmployerWithOneEmployee } from '../../testing/cli-fixtures.ts';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, cleanup } = createShebaoRunner('collect');
afterAll(cleanup);

const creditCode = makeCreditCode('110105', 5151);
const worker = makeResidentId('110105', '1988-06-01', 5);

const json = jsonRunner(shebao);

// Each test runs the real command in child processes, several times: slow on a loaded machine.
describe('shebao collect', { timeout: 300_000 }, () => {
  it('runs declared months, estimates an undeclared one (SIL Art. 62) and settles it once declared', async () => {
    await registerEmployerWithOneEmployee(json, {
      creditCode,
      employerName: 'Cycle Co',
      idNumber: worker,
      personName: 'Wang',
    });

    const july = await json('collect', 'run', '--region', '110000', '--period', '2025-07');
    expect(july).toMatchObject({ bills: 1, personMonths: 1 });
    // August is not declared: one estimate at 110% of July, with no person-month behind it.
    const august = await json('collect', 'run', '--region', '110000', '--period', '2025-08');
    expect(august).toMatchObject({ bills: 1, personMonths: 0 });
    expect(Math.abs(august.totalFen * 10 - july.totalFen * 11)).toBeLessThanOrEqual(40);
    expect(await json('collect', 'settle', '--region', '110000')).toEqual({ settlements: [] });

    await json('register', 'declare', '--credit-code', creditCode, '--period', '2025-08');
    const settled = await json('collect', 'settle', '--region', '110000', '--employer', creditCode);
    expect(settled.settlements).toEqual([
      expect.objectContaining({
        period: '2025-08',
        assessedFen: july.totalFen,
        estimatedFen: august.totalFen,
        differenceFen: july.totalFen - august.totalFen,
      }),
    ]);
    const again = await shebao('collect', 'settle', '--region', '110000');
    expect(again.stdout).toBe('No declared estimate left to settle.\n');

    // July is paid; the estimate credit already covers August, so the ledger balances with no more money.
    await json(
      'pay',
      '--payer',
      creditCode,
      '--amount',
      formatFenAsYuan(july.totalFen),
      '--paid-on',
      '2025-08-15',
    );
    const verify = await shebao('ledger', 'verify');
    expect(verify.code).toBe(0);
  });

  it('refuses a payment dated after today before looking the payer up', async () => {
    const future = await shebao('pay', '--payer', worker, '--amount', '1', '--paid-on', '2099-01-01');
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/--paid-on: 2099-01-01 is after today/);
  });

  it('refuses an employer option that is not a credit code', async () => {
    const result = await shebao('collect', 'settle', '--region', '110000', '--employer', worker);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--employer: give a credit code/);
  });
});
