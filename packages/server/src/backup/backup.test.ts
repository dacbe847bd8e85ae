import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../app/clock.ts';
import { assembleApp } from '../app/index.ts';
import { loadConfig, type Config } from '../config/index.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index.ts';
import { migrations } from '../db/migrations/index.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { verifyLedger } from '../modules/ledger/index.ts';
import { recordPayments } from '../modules/payments/index.ts';
import { createPolicyService } from '../modules/policy/index.ts';
import {
  issueContributionCertificate,
  openSigningKey,
  verifyStatement,
} from '../modules/statements/index.ts';
import { openThrowawaySchema } from '../testing/open-test-database.ts';
import { testTargets } from '../testing/test-targets.ts';
import { backUp, PRIVATE_KEY_FILE, SQLITE_FILE } from './backup.ts';
import { BackupError, MANIFEST_FILE } from './manifest.ts';
import { restore } from './restore.ts';

const folder = mkdtempSync(join(tmpdir(), 'shebao-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const clock = fixedClock('2026-11-22T04:00:00.000Z');

for (const target of testTargets()) {
  const dialect = target.dialect;
  const here = join(folder, dialect);
  /** A database of the dialect: a file for SQLite (the backup API needs one), a schema of its own on PostgreSQL. */
  const open = async (name: string): Promise<{ handle: DatabaseHandle; config: Config }> => {
    const url = dialect === 'sqlite' ? `sqlite:${join(here, `${name}.db`)}` : target.url;
    const handle = dialect === 'sqlite' ? openDatabase(url) : await openThrowawaySchema(url);
    const config = loadConfig({
      DATABASE_URL: url,
      SHEBAO_SIGNING_KEY_FILE: join(here, name, 'signing-key.pem'),
      SHEBAO_DOCUMENTS_DIR: join(here, name, 'documents'),
    });
    return { handle, config };
  };

  describe(`[${dialect}] backup and restore`, () => {
    const opened: DatabaseHandle[] = [];
    afterAll(async () => {
      for (const handle of opened) await handle.close();
    });
    let source: { handle: DatabaseHandle; config: Config };
    let restored: { handle: DatabaseHandle; config: Config };
    const backup = join(here, 'backup');
    let statementCode = '';
    let paymentsBefore = 0;

    it('backs up a live demo database while payments are recorded, and the copy restores and verifies', async () => {
      source = await open('source');
      opened.push(source.handle);
      const db = source.handle.db;
      await migrateToLatest(db);
      const app = await assembleApp(source.handle, source.config, clock);
      const policy = app.policy;
      await loadDemo(app);
      const signingKey = await openSigningKey(db, source.config.signingKeyFile, clock.now().toISOString());
      const person = await db
        .selectFrom('contribution_lines')
        .select('person_id')
        .where('person_id', 'is not', null)
        .limit(1)
        .executeTakeFirstOrThrow();
      statementCode = (
        await issueContributionCertificate(
          { db, clock, signingKey, publicBaseUrl: 'https://si.example.cn' },
          { personId: person.person_id! },
        )
      ).code;
      const payer = await db.selectFrom('bills').select('payer_key').limit(1).executeTakeFirstOrThrow();
      paymentsBefore = await countRows(source.handle, 'payments');

      // Payments go on while the backup runs: each posts to the journal and moves the chain heads.
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing || written < 3) {
          await recordPayments({ db, clock, policy }, [
            {
              payerKey: payer.payer_key,
              amountFen: 100 + written,
              paidOn: '2026-11-20',
              bankReference: `LIVE-${written}`,
              channel: 'cli',
            },
          ]);
          written += 1;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const manifest = await backUp(source.handle, source.config, clock, backup).finally(() => {
        writing = false;
      });
      await writer;
      expect(written).toBeGreaterThan(0);
      expect(manifest).toMatchObject({ format: 'shebao-backup', formatVersion: 1, dialect });
      expect(manifest.migrations.at(-1)).toBe(Object.keys(migrations).at(-1));
      expect(manifest.tables.statements).toBe(1);
      expect(manifest.tables.payments).toBeGreaterThanOrEqual(paymentsBefore);
      expect(manifest.files.map((file) => file.path)).toContain(PRIVATE_KEY_FILE);
      // The demo retiree's certificate, kept outside the database, is in the backup under its hash.
      const [certificate] = await db.selectFrom('application_documents').select('sha256').execute();
      expect(manifest.files.map((file) => file.path)).toContain(
        `documents/${certificate!.sha256.slice(0, 2)}/${certificate!.sha256}`,
      );
      expect((await verifyLedger(db)).ok).toBe(true);

      restored = await open('restored');
      opened.push(restored.handle);
      await restore(restored.config, backup, {}, restored.handle);
      if (dialect === 'sqlite') {
        // The SQLite restore wrote the file under the open handle's feet: open it afresh.
        await restored.handle.close();
        restored.handle = openDatabase(restored.config.database);
        opened.push(restored.handle);
      }
      const copy = restored.handle.db;
      const report = await verifyLedger(copy);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
      for (const [table, rows] of Object.entries(manifest.tables)) {
        expect([table, await countRows(restored.handle, table as 'payments')]).toEqual([table, rows]);
      }
      // The documents came back too, byte for byte.
      expect(
        readFileSync(
          join(restored.config.documentsDir, certificate!.sha256.slice(0, 2), certificate!.sha256),
        ),
      ).toEqual(
        readFileSync(join(source.config.documentsDir, certificate!.sha256.slice(0, 2), certificate!.sha256)),
      );
      // The key came back with the database: the statement verifies, and no new key is made.
      expect(readFileSync(restored.config.signingKeyFile, 'utf8')).toBe(
        readFileSync(source.config.signingKeyFile, 'utf8'),
      );
      const key = await openSigningKey(copy, restored.config.signingKeyFile, clock.now().toISOString());
      expect(key.keyId).toBe(signingKey.keyId);
      const verification = await verifyStatement(
        { db: copy, publicKey: key.publicKey, keyId: key.keyId },
        statementCode,
      );
      expect(verification).toMatchObject({ valid: true });
      // The restored database goes on: new ids follow the copied ones.
      await recordPayments({ db: copy, clock, policy: createPolicyService(copy, clock) }, [
        {
          payerKey: payer.payer_key,
          amountFen: 500,
          paidOn: '2026-11-20',
          bankReference: 'AFTER',
          channel: 'cli',
        },
      ]);
      expect((await verifyLedger(copy)).ok).toBe(true);
    }, 600_000);

    it('refuses a target that is not empty, unless forced', async () => {
      await expect(restore(restored.config, backup, {}, restored.handle)).rejects.toThrow(
        /not empty.*--force/,
      );
      await restore(restored.config, backup, { force: true }, restored.handle);
      if (dialect === 'sqlite') {
        await restored.handle.close();
        restored.handle = openDatabase(restored.config.database);
        opened.push(restored.handle);
      }
      expect((await verifyLedger(restored.handle.db)).ok).toBe(true);
    }, 300_000);

    it('refuses a damaged, partial or foreign backup with a message naming what is wrong', async () => {
      const damaged = (name: string, change: (dir: string) => void) => {
        const dir = join(here, name);
        cpSync(backup, dir, { recursive: true });
        change(dir);
        return dir;
      };
      const data = dialect === 'sqlite' ? SQLITE_FILE : 'tables/journal_entries.jsonl';
      const flipped = damaged('flipped', (dir) => {
        const bytes = readFileSync(join(dir, data));
        const at = Math.floor(bytes.length / 2);
        bytes[at] = bytes[at]! ^ 1;
        writeFileSync(join(dir, data), bytes);
      });
      const partial = damaged('partial', (dir) => unlinkSync(join(dir, data)));
      const unmanifested = damaged('unmanifested', (dir) => unlinkSync(join(dir, MANIFEST_FILE)));
      const foreign = damaged('foreign', (dir) => {
        const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
        writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, formatVersion: 99 }));
      });
      const fresh = await open('never-restored');
      opened.push(fresh.handle);
      const attempt = (dir: string) => restore(fresh.config, dir, {}, fresh.handle);
      await expect(attempt(flipped)).rejects.toThrow(new RegExp(`${data}: checksum mismatch`));
      await expect(attempt(partial)).rejects.toThrow(new RegExp(`${data}: missing from the backup`));
      await expect(attempt(unmanifested)).rejects.toThrow(/no manifest\.json/);
      await expect(attempt(foreign)).rejects.toThrow(/formatVersion/);
      await expect(attempt(foreign)).rejects.toThrow(BackupError);
      // Nothing was written: no key, and (PostgreSQL) no table.
      expect(() => readFileSync(fresh.config.signingKeyFile)).toThrow();
      expect(await fresh.handle.db.introspection.getTables()).toEqual([]);
    }, 300_000);
  });
}

async function countRows(handle: DatabaseHandle, table: 'payments'): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
