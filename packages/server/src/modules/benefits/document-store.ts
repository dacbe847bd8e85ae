import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The files attached to applications, outside the database, each named by the SHA-256 of its bytes. */
export interface DocumentStore {
  /** Keeps the bytes (once: the same file twice is one file) and returns their SHA-256 in hex. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes of a kept file; refuses a file whose bytes no longer match its name. */
  get(sha256: string): Promise<Buffer>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A store in a directory: `<dir>/<first two hex digits>/<sha256>`. A file is written to a temporary name
 * and renamed into place, so a crash never leaves half a file under a real name.
 */
export function createDocumentStore(dir: string): DocumentStore {
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`sha256: "${sha256}" is not a SHA-256 in hex`);
    return join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      const exists = await stat(path).then(
        (found) => found.size === bytes.length,
        () => false,
      );
      if (!exists) {
        await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
        const temporary = `${path}.${randomUUID()}.part`;
        await writeFile(temporary, bytes, { mode: 0o600 });
        await rename(temporary, path);
      }
      return sha256;
    },
    async get(sha256) {
      const bytes = await readFile(pathOf(sha256));
      if (sha256Of(bytes) !== sha256) throw new Error(`document ${sha256}: the stored bytes do not match`);
      return bytes;
    },
  };
}
