import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, folder, cleanup } = createShebaoRunner('statement');
afterAll(cleanup);
// The runner passes process.env on: keep the signing key in the test's own folder.
process.env.SHEBAO_SIGNING_KEY_FILE = join(folder, 'signing-key.pem');
process.env.SHEBAO_PUBLIC_BASE_URL = 'https://si.example.cn';

// Each test runs the real command in child processes, several times: slow on a loaded machine.
describe('shebao rights-record and statement', { timeout: 300_000 }, () => {
  let idNumber = '';
  let code = '';

  it('prints a rights record as JSON and CSV for a demo person', async () => {
    expect((await shebao('demo')).code).toBe(0);
    const payer = await shebao('rights-record', '--id', '110101196510180211', '--year', '2025', '--json');
    expect(payer.stderr).toBe('');
    const record = JSON.parse(payer.stdout);
    idNumber = '110101196510180211';
    expect(record.months).toHaveLength(12);
    expect(record.person.idNumberMasked).toBe('110101********0211');
    const csv = await shebao('rights-record', '--id', idNumber, '--format', 'csv');
    expect(csv.stdout).toContain('月份 Month');
    // A flexible worker with a bill open: the table says of each unpaid month whether it is due yet.
    const open = JSON.parse(
      (await shebao('rights-record', '--id', '110106198301174561', '--json')).stdout,
    ) as { asOf: string; months: { period: string; status: string; dueDate: string | null }[] };
    const unpaid = open.months.filter((month) => month.status !== 'paid');
    expect(unpaid.length).toBeGreaterThan(0);
    const table = (await shebao('rights-record', '--id', '110106198301174561')).stdout;
    expect(table).not.toContain('OWED');
    for (const month of unpaid) {
      const line = table.split('\n').find((row) => row.includes(` ${month.period} `))!;
      expect(line).toContain(
        month.dueDate! > open.asOf
          ? `not yet due (by ${month.dueDate})`
          : month.dueDate === open.asOf
            ? 'due today'
            : `OVERDUE since ${month.dueDate}`,
      );
    }
    expect(table).toMatch(/Unpaid months: \d+ \(due by today \d+, overdue \d+\)/);
    const missing = await shebao('rights-record', '--id', '110101199001011234');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: idNumber: no person/);
  });

  it('issues a signed statement PDF and verifies its code; an unknown code exits 1', async () => {
    const out = join(folder, 'statement.pdf');
    const issued = await shebao(
      'statement',
      'issue',
      '--id',
      idNumber,
      '--year',
      '2025',
      '--lang',
      'en',
      '--out',
      out,
      '--json',
    );
    expect(issued.stderr).toBe('');
    const parsed = JSON.parse(issued.stdout);
    code = parsed.code;
    const verifyUrl = parsed.verifyUrl;
    expect(verifyUrl).toBe(`https://si.example.cn/verify/${code}`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(process.env.SHEBAO_SIGNING_KEY_FILE!).mode & 0o777).toBe(0o600);

    const verified = await shebao('statement', 'verify', code, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ status: 'valid', valid: true });
    const unknown = await shebao('statement', 'verify', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/No statement was issued/);
    const missingYear = await shebao('statement', 'issue', '--id', idNumber, '--out', out);
    expect(missingYear.code).toBe(2);
  });

  it('refuses to start without the key once statements exist (exit 2), and keeps verifying after a rotation', async () => {
    const keyFile = process.env.SHEBAO_SIGNING_KEY_FILE!;
    const pem = readFileSync(keyFile, 'utf8');
    rmSync(keyFile);
    const refused = await shebao('statement', 'verify', code);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /SHEBAO_SIGNING_KEY_FILE: the statement signing key .* is missing, but \d+ statements were signed/,
    );
    expect(existsSync(keyFile)).toBe(false);
    writeFileSync(keyFile, pem, { mode: 0o600 });

    const rotated = await shebao('keys', 'rotate', '--json');
    expect(rotated.stderr).toBe('');
    const { retiredKeyId, currentKeyId } = JSON.parse(rotated.stdout);
    expect(currentKeyId).not.toBe(retiredKeyId);
    const listed = await shebao('keys', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject({ currentKeyId });
    const old = await shebao('statement', 'verify', code, '--json');
    expect(old.code).toBe(0);
    expect(JSON.parse(old.stdout)).toMatchObject({ valid: true, keyId: retiredKeyId });
  }, 300_000);
});
