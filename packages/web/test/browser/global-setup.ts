// Once per browser-test run: build the web app, start the real server (`shebao serve --demo`) on a free
// port over a fresh SQLite file, and hand its address to the tests. Where Chromium is missing, say so
// and let the tests skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium, REPO_DIR, WEB_DIR } from './harness.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const chromium = findChromium();
  if ('skipped' in chromium) {
    console.warn(`\nweb-browser: browser tests skipped: ${chromium.skipped}\n`);
    project.provide('browserTests', { skipped: chromium.skipped });
    return;
  }
  buildWebApp();
  const dataDir = await mkdtemp(join(tmpdir(), 'shebao-browser-'));
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [join(REPO_DIR, 'packages/server/bin/shebao.js'), 'serve', '--demo'],
    {
      cwd: REPO_DIR,
      env: {
        ...process.env,
        // Always a fresh SQLite file, whatever DATABASE_URL the test run was given.
        DATABASE_URL: `sqlite:${join(dataDir, 'shebao.db')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopping = false;
  // A server that dies under the tests shows up as refused connections; say here what it printed.
  server.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `\nweb-browser: shebao serve stopped early (exit ${code}, signal ${signal}):\n${output.join('')}`,
      );
    }
  });
  const stop = async () => {
    stopping = true;
    await stopProcess(server);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, server, output);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('browserTests', { chromiumPath: chromium.path, baseUrl });
  return stop;
}

/** `npm run build` in its own process: inside Vitest NODE_ENV is "test", which would build React for development. */
function buildWebApp(): void {
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: WEB_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`building the web app failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`shebao serve exited with ${server.exitCode}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`shebao serve did not answer ${baseUrl}/api/health in time:\n${output.join('')}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
