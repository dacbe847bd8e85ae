import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own (issue 14, item 6): code and docs cite the rules in docs/RULES.md by
 * their number, never a document outside the repository, and every number cited exists.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|css|html|sql|ya?ml)$/;
const SKIPPED = new Set(['node_modules', 'dist']);
const OUTSIDE_DOCUMENTS = ['DOMAIN', 'DESIGN'].map((name) => `${name}.md`);
// This file names what it looks for; it is left out.
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

function textFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory())
      return SKIPPED.has(entry.name) || entry.name.startsWith('.') ? [] : textFiles(path);
    return TEXT.test(entry.name) ? [path] : [];
  });
}

const files = [...textFiles('packages'), ...textFiles('docs'), 'README.md']
  .filter((path) => path !== SELF)
  .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
const rulesText = readFileSync(join(ROOT, 'docs/RULES.md'), 'utf8');
const ruleNumbers = [...rulesText.matchAll(/^### (\d+\.\d+) /gm)].map((match) => match[1]!);

/** "docs/RULES.md 6.8", "docs/RULES.md 4.10–4.12", "docs/RULES.md 6.3, 13.1 and 13.2": the numbers cited. */
const CITATION = /RULES\.md,? (\d+\.\d+(?:(?:, | and |–)\d+\.\d+)*)/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('references in the repository', () => {
  it('finds the files and the rules it checks', () => {
    expect(files.some((file) => file.path === 'packages/domain/src/policy/seeds/national.ts')).toBe(true);
    expect(ruleNumbers.length).toBeGreaterThan(50);
    expect(new Set(ruleNumbers).size, 'every rule number is given once').toBe(ruleNumbers.length);
  });

  it('never points to a document outside the repository', () => {
    const found = files.flatMap(({ path, text }) =>
      OUTSIDE_DOCUMENTS.filter((name) => text.includes(name)).map((name) => `${path}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  it('cites only rule numbers docs/RULES.md has', () => {
    const known = new Set(ruleNumbers);
    const unknown: string[] = [];
    let cited = 0;
    for (const { path, text } of files) {
      if (path === 'docs/RULES.md') continue;
      for (const match of text.matchAll(CITATION)) {
        for (const number of match[1]!.split(/, | and |–/)) {
          cited += 1;
          if (!known.has(number)) unknown.push(`${path}:${lineOf(text, match.index)}: ${number}`);
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(cited).toBeGreaterThan(50);
  });

  it('says which rule wherever code cites docs/RULES.md', () => {
    const bare = files
      .filter(({ path }) => path.startsWith('packages/'))
      .flatMap(({ path, text }) =>
        [...text.matchAll(/docs\/RULES\.md(?!,? \d+\.\d+)/g)].map(
          (match) => `${path}:${lineOf(text, match.index)}`,
        ),
      );
    expect(bare).toEqual([]);
  });

  it('names only files that exist, wherever the docs name one', () => {
    const paths = [...files.map((file) => file.path), ...otherFiles('packages')];
    const missing = files
      .filter(({ path }) => path.endsWith('.md'))
      .flatMap(({ path, text }) =>
        [...text.matchAll(/`(\w[\w./-]*\.(?:tsx?|cjs|mjs|md|sql|css))`/g)]
          .filter((match) => !paths.some((known) => `/${known}`.endsWith(`/${match[1]}`)))
          .map((match) => `${path}:${lineOf(text, match.index)}: ${match[1]}`),
      );
    expect(missing).toEqual([]);
  });
});

/** Files the text list leaves out (fonts, images) that docs may still name. */
function otherFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : otherFiles(path);
    return TEXT.test(entry.name) ? [] : [path];
  });
}
