// Once per browser-test run: build the web app, then start the real server (`shebao serve --demo`) on a
// free port over a fresh SQLite file, and, when DATABASE_URL points at PostgreSQL, a second one over a
// throw-away schema there, and hand their addresses to the tests. Where Chromium is missing, say so and
// let the tests skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findChromium, REPO_DIR, WEB_DIR, type TestServer } from './harness.ts';

interface RunningServer extends TestServer {
  stop(): Promise<void>;
}

/** The day the test servers take for today unless SHEBAO_TODAY names another. */
const DEFAULT_TODAY = '2026-11-20';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const today = process.env.SHEBAO_TODAY?.trim() || DEFAULT_TODAY;
  const chromium = findChromium();
  if ('skipped' in chromium) {
    console.warn(`\nweb-browser: browser tests skipped: ${chromium.skipped}\n`);
    project.provide('browserTests', { skipped: chromium.skipped, today, servers: [] });
    return;
  }
  buildWebApp();
  const servers: RunningServer[] = [];
  const stopAll = async () => {
    for (const server of servers.splice(0)) await server.stop();
  };
  try {
    servers.push(await startSqliteServer(today));
    const postgresUrl = process.env.DATABASE_URL;
    if (postgresUrl && /^postgres(ql)?:\/\//.test(postgresUrl))
      servers.push(await startPostgresServer(postgresUrl, today));
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide('browserTests', {
    chromiumPath: chromium.path,
    today,
    servers: servers.map(({ database, baseUrl }) => ({ database, baseUrl })),
  });
  return stopAll;
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

async function startSqliteServer(today: string): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shebao-browser-'));
  const server = await startServer('sqlite', `sqlite:${join(dataDir, 'shebao.db')}`, today, () =>
    rm(dataDir, { recursive: true, force: true }),
  );
  return server;
}

/** A schema of its own on the given database, put on the server's search_path through the URL. */
async function startPostgresServer(url: string, today: string): Promise<RunningServer> {
  const schema = `shebao_browser_${randomBytes(6).toString('hex')}`;
  await runAdmin(url, `create schema ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return startServer('postgres', withSchema.toString(), today, () =>
    runAdmin(url, `drop schema if exists ${schema} cascade`),
  );
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function startServer(
  database: TestServer['database'],
  databaseUrl: string,
  today: string,
  cleanUp: () => Promise<void>,
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(REPO_DIR, 'packages/server/bin/shebao.js'), 'serve', '--demo'],
    {
      cwd: REPO_DIR,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SHEBAO_TODAY: today,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let stopping = false;
  // A server that dies under the tests shows up as refused connections; say here what it printed.
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `\nweb-browser: shebao serve (${database}) stopped early (exit ${code}, signal ${signal}):\n${output.join('')}`,
      );
    }
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    stopping = true;
    await stopProcess(child);
    await cleanUp();
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { database, baseUrl, stop };
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
