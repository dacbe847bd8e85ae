import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The statement signing key: Ed25519. Only the issuing side holds the private half. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SPKI PEM of the public key: what anyone needs to check a signature offline. */
  readonly publicKeyPem: string;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key on every statement. */
  readonly keyId: string;
}

/**
 * Reads the PKCS#8 PEM private key at `file`; when there is none yet, generates one and writes it with
 * mode 0600 (its folder created as needed). Refuses a file that holds anything but an Ed25519 key. The
 * app opens its key through openSigningKey (open-signing-key.ts), which refuses to make a new key when
 * statements were signed with one that is gone.
 */
export function loadOrCreateSigningKey(file: string): SigningKey {
  return readSigningKeyFile(file) ?? parseSigningKey(file, createKeyFile(file));
}

/** The key at `file`, or null when there is no such file. */
export function readSigningKeyFile(file: string): SigningKey | null {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseSigningKey(file, pem);
}

function parseSigningKey(file: string, pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file}: the statement signing key must be an Ed25519 private key (PKCS#8 PEM)`);
  }
  return fromPrivateKey(privateKey);
}

/** Generates a key and writes it to `file` (0600) unless the file exists; returns the file's PEM. */
export function createSigningKeyFile(file: string): SigningKey {
  return parseSigningKey(file, createKeyFile(file));
}

export function fromPrivateKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return Object.freeze({
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
  });
}

function createKeyFile(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': if another process created it meanwhile, keep theirs and read it.
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  }
  // The umask may have taken bits away, never added them; make sure of 0600 all the same.
  if ((statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
  return pem;
}

/** Base64url Ed25519 signature over the UTF-8 bytes of the text. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url');
}

/** Whether `signature` is a valid Ed25519 signature of `text` under the public key; false on any malformation. */
export function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  try {
    const bytes = Buffer.from(signature, 'base64url');
    if (bytes.length !== 64) return false;
    return verify(null, Buffer.from(text, 'utf8'), publicKey, bytes);
  } catch {
    return false;
  }
}
