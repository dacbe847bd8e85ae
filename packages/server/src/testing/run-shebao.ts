import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../bin/shebao.js', import.meta.url));

export interface ShebaoResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `shebao` command in child processes, as a person would, against a SQLite file in a temp
 * folder of its own. cleanup() removes the folder.
 */
export function createShebaoRunner(name: string) {
  const folder = mkdtempSync(join(tmpdir(), `shebao-${name}-`));
  const databaseUrl = `sqlite:${join(folder, `${name}.db`)}`;
  async function shebao(...args: string[]): Promise<ShebaoResult> {
    try {
      const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as ShebaoResult;
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  return { shebao, folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}
