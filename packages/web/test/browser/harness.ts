// What the browser tests share: where Chromium is, how it is started, where screenshots go.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = join(here, '../..');
export const REPO_DIR = join(WEB_DIR, '../..');
/** Git ignores test-results/. */
export const SCREENSHOT_DIR = join(REPO_DIR, 'test-results/screenshots');

/** Debian's Chromium, or CHROMIUM_PATH; the reason the browser tests are skipped when there is none. */
export function findChromium(): { path: string } | { skipped: string } {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return { path };
  return {
    skipped:
      `${path} not found. Install Debian's Chromium (apt-get install -y --no-install-recommends chromium) ` +
      'or set CHROMIUM_PATH to run them.',
  };
}

/** A real server serving the freshly built app over the demo region. */
export interface TestServer {
  database: 'sqlite' | 'postgres';
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
}

/** What global-setup.ts hands to the tests. */
export interface BrowserTestEnvironment {
  /** Set when the tests cannot run here, with the reason. */
  skipped?: string;
  chromiumPath?: string;
  /**
   * The servers' today (SHEBAO_TODAY), so that no test depends on the day it runs: the demo's months end
   * the month before, and the pages offer this month. `SHEBAO_TODAY=2027-06-30 npm test` tries another day.
   */
  today: string;
  /** SQLite always; PostgreSQL too when the test run has DATABASE_URL pointing at one. */
  servers: TestServer[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserTests: BrowserTestEnvironment;
  }
}

/**
 * The servers to run each suite against. Where the tests are skipped there are none, but a suite still
 * needs one (skipped) case to exist, so it gets a placeholder.
 */
export function testServers(environment: BrowserTestEnvironment): TestServer[] {
  return environment.servers.length ? environment.servers : [{ database: 'sqlite', baseUrl: '' }];
}

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile, browser language set to `locale` (navigator.languages, Accept-Language). */
export async function startBrowser(chromiumPath: string, locale: string): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'shebao-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshot into test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** No sideways scrolling of the page itself on a phone (wide tables scroll inside their own box). */
export async function fitsTheWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}
