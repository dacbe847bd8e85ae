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
 * The day the commands take for today (SHEBAO_TODAY), so that no test depends on the day it runs;
 * `SHEBAO_TODAY=2027-06-30 npm test` tries the suite on another day.
 */
export const CLI_TEST_TODAY = process.env.SHEBAO_TODAY?.trim() || '2026-11-20';

/**
 * Runs the real `shebao` command in child processes, as a person would, against a SQLite file in a temp
 * folder of its own, on the test day (CLI_TEST_TODAY). cleanup() removes the folder.
 */
export function createShebaoRunner(name: string) {
  const folder = mkdtempSync(join(tmpdir(), `shebao-${name}-`));
  const databaseUrl = `sqlite:${join(folder, `${name}.db`)}`;
  async function shebao(...args: string[]): Promise<ShebaoResult> {
    try {
      const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl, SHEBAO_TODAY: CLI_TEST_TODAY },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as ShebaoResult;
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  return { shebao, folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}
