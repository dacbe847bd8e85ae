// npm run size:first-load --workspace @shebao/web [-- --build] [--json]
// What the landing page ("/") makes the browser download before it is usable, JavaScript and CSS, raw and
// gzipped, in each language it can start in, read from the Vite manifest of the last build (--build makes
// one first). Exits with 1 when a language's first load is over FIRST_LOAD_BUDGET_BYTES. The browser test
// (test/browser/public-pages.test.ts) checks that Chromium fetches exactly the files counted here and
// that they stay within the budget. Figures: docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Manifest } from './report-bundle-size.ts';

/** At most this much gzipped JavaScript and CSS before the landing page is usable (issue 12). */
export const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../dist');

type Language = 'zh-CN' | 'en';
const LANGUAGE_FILE: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * The modules the landing page waits for, as the manifest names them: the entry, the public pages' frame
 * (router.tsx), the landing page itself (public-app.tsx), and the texts they show in the language the
 * app starts in (i18n/index.ts: the frame's, then the public pages'). Each comes with the chunks it
 * imports statically and their CSS.
 */
export function landingPageModules(language: Language): string[] {
  const file = LANGUAGE_FILE[language];
  return [
    'index.html',
    'src/public/public-app.tsx',
    'src/public/landing-page.tsx',
    `src/i18n/locales/shell.${file}.ts`,
    `src/i18n/locales/public.${file}.ts`,
  ];
}

export interface LoadedFile {
  file: string;
  /** The first of the modules asked for that brings this file in. */
  module: string;
  kind: 'js' | 'css';
  rawBytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  files: LoadedFile[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * Every file the given modules load, each counted once: a module's chunk, the chunks it imports
 * statically (which Vite preloads with it), and their style sheets. Gzip at level 9.
 */
export function firstLoad(
  manifest: Manifest,
  read: (file: string) => Buffer,
  modules: readonly string[],
): FirstLoad {
  const files = new Map<string, LoadedFile>();
  const add = (file: string, module: string) => {
    if (files.has(file)) return;
    const bytes = read(file);
    files.set(file, {
      file,
      module,
      kind: file.endsWith('.css') ? 'css' : 'js',
      rawBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    });
  };
  const visit = (key: string, module: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    if (files.has(chunk.file)) return;
    add(chunk.file, module);
    for (const css of chunk.css ?? []) add(css, module);
    for (const imported of chunk.imports ?? []) visit(imported, module);
  };
  for (const module of modules) visit(module, module);
  const list = [...files.values()];
  return {
    files: list,
    rawBytes: list.reduce((sum, file) => sum + file.rawBytes, 0),
    gzipBytes: list.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

export function readManifest(dist = WEB_DIST): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The landing page's first load in `language`, from the build in `dist`. */
export function landingFirstLoad(language: Language, dist = WEB_DIST): FirstLoad {
  return firstLoad(
    readManifest(dist),
    (file) => readFileSync(join(dist, file)),
    landingPageModules(language),
  );
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      build: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.build) {
    // NODE_ENV production: React's production build, as `npm run build` gives.
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: join(WEB_DIST, '..'),
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  let loads: Record<Language, FirstLoad>;
  try {
    loads = { 'zh-CN': landingFirstLoad('zh-CN'), en: landingFirstLoad('en') };
  } catch (error) {
    console.error(`No usable build (${(error as Error).message}): add --build, or run npm run build first.`);
    process.exit(1);
  }
  if (values.json) {
    console.log(JSON.stringify({ budgetBytes: FIRST_LOAD_BUDGET_BYTES, ...loads }));
  } else {
    for (const [language, load] of Object.entries(loads)) {
      console.log(`\nLanding page, starting in ${language}:\n`);
      console.log('| file | brought in by | kind | raw KB | gzip KB |');
      console.log('| --- | --- | --- | ---: | ---: |');
      for (const file of [...load.files].sort((a, b) => b.gzipBytes - a.gzipBytes))
        console.log(
          `| ${file.file} | ${file.module} | ${file.kind} | ${kb(file.rawBytes)} | ${kb(file.gzipBytes)} |`,
        );
      console.log(`| **total** | | | ${kb(load.rawBytes)} | ${kb(load.gzipBytes)} |`);
    }
    console.log(`\nBudget: ${kb(FIRST_LOAD_BUDGET_BYTES)} KB gzipped.`);
  }
  const over = Object.entries(loads).filter(([, load]) => load.gzipBytes > FIRST_LOAD_BUDGET_BYTES);
  for (const [language] of over) console.error(`The first load in ${language} is over the budget.`);
  if (over.length) process.exit(1);
}
