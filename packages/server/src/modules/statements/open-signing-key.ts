import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { ConfigError } from '../../config/index.ts';
import type { Database } from '../../db/index.ts';
import {
  countStatementsByKey,
  insertKeptPublicKey,
  markPublicKeyRetired,
  selectKeptPublicKeys,
} from './signing-keys.repository.ts';
import { createSigningKeyFile, fromPrivateKey, readSigningKeyFile, type SigningKey } from './signing-key.ts';

/**
 * The signing key the app issues with (docs/RULES.md 13.5). A missing key file is
 * made afresh only while no statement has been signed: once statements exist, a new key would leave every
 * one of them unverifiable, so the app refuses to start and says to restore the key. The key's public
 * half is kept in `signing_keys`, so statements stay verifiable after the key is rotated.
 */
export async function openSigningKey(db: Kysely<Database>, file: string, now: string): Promise<SigningKey> {
  let key = readSigningKeyFile(file);
  if (!key) {
    const signed = await countStatementsByKey(db);
    if (signed.length > 0) {
      const total = signed.reduce((sum, row) => sum + row.statements, 0);
      throw new ConfigError([
        {
          variable: 'SHEBAO_SIGNING_KEY_FILE',
          reason:
            `the statement signing key ${file} is missing, but ${total} statements were signed ` +
            `(key ${signed.map((row) => row.keyId).join(', ')}); restore the key file from a backup ` +
            '(shebao restore) or point SHEBAO_SIGNING_KEY_FILE at it. No new key is made while statements depend on the old one',
        },
      ]);
    }
    key = createSigningKeyFile(file);
  }
  await insertKeptPublicKey(db, { keyId: key.keyId, publicKeyPem: key.publicKeyPem, addedAt: now });
  return key;
}

/**
 * Replaces the signing key: the current key's public half stays kept (marked retired), a new key is
 * generated, its public half kept, and the key file replaced atomically (a rename). The old private key
 * is gone afterwards: statements it signed verify with its kept public key, nothing new can be signed
 * with it. A crash before the rename leaves the old key in place and valid.
 *
 * `replaceMissing` is for a key file that is lost for good (no backup has it): a new key is made although
 * statements exist, every kept key is marked retired, and the statements whose key was never kept (signed
 * before keys were kept, and not opened since) are named in `unverifiable`.
 */
export async function rotateSigningKey(
  db: Kysely<Database>,
  file: string,
  now: string,
  options: { replaceMissing?: boolean } = {},
): Promise<{ retiredKeyId: string | null; current: SigningKey; unverifiable: string[] }> {
  const missing = options.replaceMissing === true && readSigningKeyFile(file) === null;
  const retired = missing ? null : await openSigningKey(db, file, now);
  const privateKey = generateKeyPairSync('ed25519').privateKey;
  const current = fromPrivateKey(privateKey);
  const pending = `${file}.rotating`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(pending, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
    mode: 0o600,
    flag: 'w',
  });
  chmodSync(pending, 0o600);
  try {
    await db.transaction().execute(async (trx) => {
      await markPublicKeyRetired(trx, retired?.keyId ?? null, now);
      await insertKeptPublicKey(trx, {
        keyId: current.keyId,
        publicKeyPem: current.publicKeyPem,
        addedAt: now,
      });
    });
    renameSync(pending, file);
  } catch (error) {
    try {
      unlinkSync(pending);
    } catch {
      // Already gone: nothing to clean up.
    }
    throw error;
  }
  const kept = new Set((await selectKeptPublicKeys(db)).map((key) => key.keyId));
  const unverifiable = (await countStatementsByKey(db))
    .map((row) => row.keyId)
    .filter((keyId) => !kept.has(keyId));
  return { retiredKeyId: retired?.keyId ?? null, current, unverifiable };
}
