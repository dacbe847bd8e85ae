import { formatFenAsYuan, makeCreditCode, makeResidentId } from '@shebao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRunner, registerEmployerWithOneEmployee } from '../../testing/cli-fixtures.ts';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, cleanup } = createShebaoRunner('reversal');
const creditCode = makeCreditCode('110105', 6161);
const worker = makeResidentId('110105', '1990-02-01', 7);
const password = process.env.SHEBAO_PASSWORD;

beforeAll(() => {
  // The runner's child processes inherit it: the staff accounts' password, read by `users add` and `--as`.
  process.env.SHEBAO_PASSWORD = 'reversal-cli-password';
});
afterAll(() => {
  if (password === undefined) delete process.env.SHEBAO_PASSWORD;
  else process.env.SHEBAO_PASSWORD = password;
  cleanup();
});

const json = jsonRunner(shebao);

describe('shebao payments reverse', () => {
  // A dozen child processes, each starting the command afresh: slow on a busy machine.
  it(
    'proposes as one staff member, applies when another approves, and the ledger still verifies',
    { timeout: 300_000 },
    async () => {
      await registerEmployerWithOneEmployee(json, {
        creditCode,
        employerName: 'Undo Co',
        idNumber: worker,
        personName: 'Li',
      });
      const july = await json('collect', 'run', '--region', '110000', '--period', '2025-07');
      const receipt = await json(
        'pay',
        '--payer',
        creditCode,
        '--amount',
        formatFenAsYuan(july.totalFen),
        '--paid-on',
        '2025-08-10',
      );
      for (const user of ['li', 'wang'])
        await json(
          'users',
          'add',
          '--kind',
          'staff',
          '--user',
          user,
          '--roles',
          'collection_officer',
          '--regions',
          '110000',
        );

      // Sent twice with one idempotency key: the second answers with the first proposal, not a new one.
      const propose = () =>
        json(
          'payments',
          'reverse',
          receipt.paymentNo,
          '--reason',
          'recorded twice',
          '--as',
          'li',
          '--idempotency-key',
          'undo-1',
        );
      const proposal = await propose();
      expect(proposal).toMatchObject({ kind: 'payments.reverse', status: 'pending', replayed: false });
      const replay = await propose();
      expect(replay).toMatchObject({ id: proposal.id, replayed: true });

      const own = await shebao('payments', 'approve-reversal', String(proposal.id), '--as', 'li');
      expect(own.code).not.toBe(0);
      expect(own.stderr).toMatch(/second person/);

      const approved = await shebao('payments', 'approve-reversal', String(proposal.id), '--as', 'wang');
      expect(approved.stderr).toBe('');
      expect(approved.code).toBe(0);
      expect(approved.stdout).toContain(`Reversal REV-${receipt.paymentNo}`);
      expect(approved.stdout).toContain('taken back');
      expect((await shebao('ledger', 'verify')).code).toBe(0);
    },
  );

  it('names the argument at fault', async () => {
    const result = await shebao('payments', 'approve-reversal', 'x', '--as', 'wang');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/<approvalId>/);
  });
});
