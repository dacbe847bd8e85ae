import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';
import { migrations } from '../../db/migrations/index.ts';

const source = createShebaoRunner('backup-source');
const target = createShebaoRunner('backup-target');
afterAll(() => {
  source.cleanup();
  target.cleanup();
});
const backup = join(source.folder, 'backup');

/** Runs a command of one runner with that runner's own signing key file. */
function as(runner: typeof source) {
  return (...args: string[]) => {
    process.env.SHEBAO_SIGNING_KEY_FILE = join(runner.folder, 'signing-key.pem');
    return runner.shebao(...args);
  };
}

describe('shebao backup and restore', () => {
  it('backs up a demo database with a statement, restores it elsewhere, and both verify there', async () => {
    expect((await as(source)('demo')).code).toBe(0);
    const issued = await as(source)(
      'statement',
      'issue',
      '--id',
      '110101196510180211',
      '--year',
      '2025',
      '--out',
      join(source.folder, 'statement.pdf'),
      '--json',
    );
    expect(issued.stderr).toBe('');
    const { code } = JSON.parse(issued.stdout);
    const backedUp = await as(source)('backup', '--to', backup);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.stdout).toContain(`Backed up the sqlite database at ${Object.keys(migrations).at(-1)}`);

    const restored = await as(target)('restore', '--from', backup);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect((await as(target)('ledger', 'verify')).code).toBe(0);
    const verified = await as(target)('statement', 'verify', code, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ valid: true });
  }, 600_000);

  it('refuses a non-empty target and a damaged backup with exit code 2', async () => {
    const again = await as(target)('restore', '--from', backup);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: --from: .*the database is not empty; restore with --force/);
    const manifestFile = join(backup, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files[0].sha256 = '0'.repeat(64);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const damaged = await as(target)('restore', '--from', backup, '--force');
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/checksum mismatch; the backup is damaged/);
    const into = await as(source)('backup', '--to', backup);
    expect(into.code).toBe(2);
    expect(into.stderr).toMatch(/not empty; back up into a new or empty folder/);
  }, 300_000);
});
