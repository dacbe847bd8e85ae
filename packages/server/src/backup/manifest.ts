import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The manifest's own format; a restore refuses any other. */
export const BACKUP_FORMAT = 'shebao-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string().min(1),
  dialect: z.enum(['sqlite', 'postgres']),
  /** The migrations the database had run, in order; the last is its migration level. */
  migrations: z.array(z.string().min(1)).min(1),
  /** Rows per table, as copied. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** Every file of the backup but the manifest, by path relative to the backup folder. */
  files: z.array(
    z.object({
      path: z
        .string()
        .regex(/^[A-Za-z0-9._/-]+$/)
        .refine((path) => !path.split('/').includes('..')),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Thrown for a backup that cannot be trusted or used: the CLI prints it and exits 2. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(folder: string, path: string): Promise<BackupManifest['files'][number]> {
  const file = join(folder, path);
  return { path, bytes: statSync(file).size, sha256: await sha256OfFile(file) };
}

export function writeManifest(folder: string, manifest: BackupManifest): void {
  writeFileSync(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The manifest of a backup folder, after checking every file it lists: present, of its size, with its
 * checksum. Anything else (no manifest, another format, a missing or altered file) is a BackupError.
 */
export async function readCheckedManifest(folder: string): Promise<BackupManifest> {
  const file = join(folder, MANIFEST_FILE);
  if (!existsSync(file))
    throw new BackupError(`${folder}: no ${MANIFEST_FILE}; not a Shebao backup, or a partial one`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError(`${file}: not JSON; the backup is damaged`);
  }
  const result = backupManifestSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new BackupError(
      `${file}: ${issue.path.join('.') || 'manifest'}: ${issue.message}; not a backup this version can restore`,
    );
  }
  const manifest = result.data;
  for (const entry of manifest.files) {
    const path = join(folder, entry.path);
    if (!existsSync(path)) throw new BackupError(`${entry.path}: missing from the backup; it is partial`);
    const bytes = statSync(path).size;
    if (bytes !== entry.bytes || (await sha256OfFile(path)) !== entry.sha256) {
      throw new BackupError(`${entry.path}: checksum mismatch; the backup is damaged`);
    }
  }
  return manifest;
}
