import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { ConfigError } from '../../config/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertRightsScenario } from '../../testing/rights-scenario.ts';
import {
  issueRightsStatement,
  openSigningKey,
  rotateSigningKey,
  selectKeptPublicKeys,
  verifyStatement,
  type SigningKey,
} from './index.ts';

const folder = mkdtempSync(join(tmpdir(), 'shebao-signing-keys-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const clock = fixedClock('2026-01-05T02:00:00.000Z');
const NOW = '2026-01-05T02:00:00.000Z';

describeEachDatabase('statement signing keys', (getDb, dialect) => {
  const keyFile = join(folder, dialect, 'signing-key.pem');
  const verifyWith = (key: SigningKey) => ({ db: getDb(), publicKey: key.publicKey, keyId: key.keyId });
  let first: SigningKey;
  let firstCode = '';
  let personId = 0;

  it('makes a key while no statement exists, and keeps its public half', async () => {
    first = await openSigningKey(getDb(), keyFile, NOW);
    expect(existsSync(keyFile)).toBe(true);
    expect(await selectKeptPublicKeys(getDb())).toEqual([
      { keyId: first.keyId, publicKeyPem: first.publicKeyPem, addedAt: NOW, retiredAt: null },
    ]);
    expect((await openSigningKey(getDb(), keyFile, NOW)).keyId).toBe(first.keyId);
  });

  it('refuses to make a new key when statements exist and the key file is gone', async () => {
    personId = (await insertRightsScenario(getDb())).a;
    const issued = await issueRightsStatement(
      { db: getDb(), clock, signingKey: first, publicBaseUrl: 'https://si.example.cn' },
      { personId, year: 2025 },
    );
    firstCode = issued.code;
    const pem = readFileSync(keyFile, 'utf8');
    unlinkSync(keyFile);
    const opening = openSigningKey(getDb(), keyFile, NOW);
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(openSigningKey(getDb(), keyFile, NOW)).rejects.toThrow(
      new RegExp(
        `SHEBAO_SIGNING_KEY_FILE: the statement signing key .* is missing, but 1 statements were signed \\(key ${first.keyId}\\)`,
      ),
    );
    // Nothing was made in its place.
    expect(existsSync(keyFile)).toBe(false);
    writeFileSync(keyFile, pem, { mode: 0o600 });
    expect((await openSigningKey(getDb(), keyFile, NOW)).keyId).toBe(first.keyId);
  });

  it('rotates: the old statements verify with the kept public key, new ones with the new key', async () => {
    const { retiredKeyId, current, unverifiable } = await rotateSigningKey(
      getDb(),
      keyFile,
      '2026-02-01T00:00:00.000Z',
    );
    expect(retiredKeyId).toBe(first.keyId);
    expect(unverifiable).toEqual([]);
    expect(current.keyId).not.toBe(first.keyId);
    // The file holds the new key now; the old private key is gone.
    expect((await openSigningKey(getDb(), keyFile, NOW)).keyId).toBe(current.keyId);
    expect(existsSync(`${keyFile}.rotating`)).toBe(false);
    const kept = await selectKeptPublicKeys(getDb());
    expect(kept.map((key) => [key.keyId, key.retiredAt])).toEqual(
      expect.arrayContaining([
        [first.keyId, '2026-02-01T00:00:00.000Z'],
        [current.keyId, null],
      ]),
    );

    const old = await verifyStatement(verifyWith(current), firstCode);
    expect(old).toMatchObject({ status: 'valid', valid: true, keyId: first.keyId });
    const issued = await issueRightsStatement(
      { db: getDb(), clock, signingKey: current, publicBaseUrl: 'https://si.example.cn' },
      { personId, year: 2025 },
    );
    expect(await verifyStatement(verifyWith(current), issued.code)).toMatchObject({
      valid: true,
      keyId: current.keyId,
    });

    // A key lost for good is replaced only when told to; what it signed still verifies.
    unlinkSync(keyFile);
    await expect(rotateSigningKey(getDb(), keyFile, NOW)).rejects.toThrow(ConfigError);
    const replaced = await rotateSigningKey(getDb(), keyFile, NOW, { replaceMissing: true });
    expect(replaced.retiredKeyId).toBeNull();
    expect(replaced.current.keyId).not.toBe(current.keyId);
    expect((await selectKeptPublicKeys(getDb())).filter((key) => key.retiredAt === null)).toEqual([
      expect.objectContaining({ keyId: replaced.current.keyId }),
    ]);
    expect((await verifyStatement(verifyWith(replaced.current), issued.code)).valid).toBe(true);

    // A statement whose key is not kept does not verify, and says why.
    await getDb().deleteFrom('signing_keys').where('key_id', '=', first.keyId).execute();
    const orphan = await verifyStatement(verifyWith(replaced.current), firstCode);
    expect(orphan.valid).toBe(false);
    expect(orphan.message).toContain(`signed with key ${first.keyId}, which this agency does not know`);
  });
});
