import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const folder = new URL('./', import.meta.url);
/** The folders of pages: the audiences' modules and the session around them. */
const PAGE_FOLDERS = new Set(['person', 'employer', 'staff', 'public', 'session']);

async function componentSources(): Promise<[file: string, source: string][]> {
  const files = (await readdir(folder)).filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'));
  return Promise.all(
    files.map(async (file) => [file, await readFile(new URL(file, folder), 'utf8')] as const),
  );
}

// docs/ARCHITECTURE.md, Components: a page composes components; a component knows no page.
describe('the shared components (src/components)', () => {
  it('import nothing from a page’s folder', async () => {
    const reaching: string[] = [];
    const sources = await componentSources();
    expect(sources.length).toBeGreaterThan(0);
    for (const [file, source] of sources) {
      for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const top = /^\.\.\/([^/]+)\//.exec(specifier!)?.[1];
        if (top && PAGE_FOLDERS.has(top)) reaching.push(`${file} -> ${specifier}`);
      }
    }
    expect(reaching).toEqual([]);
  });

  it('use no page’s texts (the page hands its texts in)', async () => {
    const texts: string[] = [];
    for (const [file, source] of await componentSources())
      for (const [key] of source.matchAll(/\b[a-zA-Z]+Pages\.[\w.]+/g)) texts.push(`${file}: ${key}`);
    expect(texts).toEqual([]);
  });
});
