import { describe, expect, it } from 'vitest';
import { firstLoad, landingPageModules } from './first-load-size.ts';
import type { Manifest } from './report-bundle-size.ts';

// A build's manifest in miniature: the entry with a shared chunk and a style sheet, a lazily loaded page
// that shares that chunk and has one of its own, and a chunk that nothing asked for imports.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_react.js'],
    dynamicImports: ['src/page.tsx'],
    css: ['assets/index.css'],
  },
  '_react.js': { file: 'assets/react.js' },
  'src/page.tsx': {
    file: 'assets/page.js',
    isDynamicEntry: true,
    imports: ['_react.js', '_card.js'],
    css: ['assets/page.css'],
  },
  '_card.js': { file: 'assets/card.js', imports: ['_react.js'] },
  'src/other.tsx': { file: 'assets/other.js', isDynamicEntry: true, imports: ['_table.js'] },
  '_table.js': { file: 'assets/table.js' },
};
const contents: Record<string, string> = {
  'assets/index.js': 'entry '.repeat(50),
  'assets/react.js': 'react '.repeat(400),
  'assets/page.js': 'page',
  'assets/card.js': 'card '.repeat(20),
  'assets/index.css': 'body{margin:0}',
  'assets/page.css': '.page{}',
  'assets/other.js': 'other',
  'assets/table.js': 'table',
};
const read = (file: string) => Buffer.from(contents[file]!);

describe('firstLoad', () => {
  it('counts each module, the chunks it imports statically and their style sheets, each file once', () => {
    const load = firstLoad(manifest, read, ['index.html', 'src/page.tsx']);
    expect(load.files.map((file) => [file.file, file.module, file.kind])).toEqual([
      ['assets/index.js', 'index.html', 'js'],
      ['assets/index.css', 'index.html', 'css'],
      ['assets/react.js', 'index.html', 'js'],
      ['assets/page.js', 'src/page.tsx', 'js'],
      ['assets/page.css', 'src/page.tsx', 'css'],
      ['assets/card.js', 'src/page.tsx', 'js'],
    ]);
    const react = load.files.find((file) => file.file === 'assets/react.js')!;
    expect(react.rawBytes).toBe(2400);
    expect(react.gzipBytes).toBeLessThan(100); // repeated text compresses
    expect(load.rawBytes).toBe(load.files.reduce((sum, file) => sum + file.rawBytes, 0));
    expect(load.gzipBytes).toBe(load.files.reduce((sum, file) => sum + file.gzipBytes, 0));
  });

  it('leaves out what is only imported dynamically', () => {
    const load = firstLoad(manifest, read, ['index.html']);
    expect(load.files.map((file) => file.file).sort()).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/react.js',
    ]);
  });

  it('refuses a module the build does not have, rather than counting nothing for it', () => {
    expect(() => firstLoad(manifest, read, ['index.html', 'src/gone.tsx'])).toThrow(/src\/gone\.tsx/);
  });

  it('names the landing page’s texts in the language it starts in', () => {
    expect(landingPageModules('zh-CN')).toContain('src/i18n/locales/public.zh-cn.ts');
    expect(landingPageModules('en')).toContain('src/i18n/locales/shell.en.ts');
    expect(landingPageModules('en').join()).not.toContain('zh-cn');
  });
});
