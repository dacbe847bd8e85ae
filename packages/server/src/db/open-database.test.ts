import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrations, openDatabase } from './index.ts';

describe('openDatabase on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shebao-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and sets WAL, foreign keys, busy timeout and NORMAL sync', async () => {
    const handle = openDatabase(`sqlite:${join(dir, 'nested', 'data', 'shebao.db')}`);
    try {
      expect(handle.dialect).toBe('sqlite');
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('synchronous')).toBe(1); // NORMAL
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations).sort());
    } finally {
      await handle.close();
      await handle.close(); // closing twice is harmless
    }
    const reopened = openDatabase({ dialect: 'sqlite', filename: join(dir, 'nested', 'data', 'shebao.db') });
    expect(await migrateToLatest(reopened.db)).toEqual([]);
    await reopened.close();
  });

  it('rejects URLs it cannot open', () => {
    expect(() => openDatabase('mysql://localhost/x')).toThrow(/not supported/);
  });
});
