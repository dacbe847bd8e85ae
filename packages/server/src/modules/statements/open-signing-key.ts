import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { ConfigError } from '../../config/index.ts';
import type { Database } from '../../db/index.ts';
import { countStatementsByKey, insertKeptPublicKey, markPublicKeyRetired } from './signing-key-repository.ts';
import { createSigningKeyFile, fromPrivateKey, readSigningKeyFile, type SigningKey } from './signing-key.ts';

/**
 * The signing key the app issues with (docs/RULES.md, "Statement signing keys"). A missing key file is
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
 */
export async function rotateSigningKey(
  db: Kysely<Database>,
  file: string,
  now: string,
): Promise<{ retired: SigningKey; current: SigningKey }> {
  const retired = await openSigningKey(db, file, now);
  const privateKey = generateKeyPairSync('ed25519').privateKey;
  const current = fromPrivateKey(privateKey);
  const pending = `${file}.rotating`;
  writeFileSync(pending, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
    mode: 0o600,
    flag: 'w',
  });
  chmodSync(pending, 0o600);
  try {
    await db.transaction().execute(async (trx) => {
      await insertKeptPublicKey(trx, {
        keyId: current.keyId,
        publicKeyPem: current.publicKeyPem,
        addedAt: now,
      });
      await markPublicKeyRetired(trx, retired.keyId, now);
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
  return { retired, current };
}
