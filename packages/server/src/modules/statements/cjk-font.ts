import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC from the @fontsource/noto-sans-sc package: no system font needed. Fontsource ships the
 * font cut into ~100 unicode-range subsets (its unicode.json says which code points each holds), so text
 * is drawn in runs, each run in the one subset file that holds its characters. pdfkit embeds only the
 * glyphs used from each subset file.
 */

const PACKAGE = '@fontsource/noto-sans-sc';
export type FontWeight = 400 | 700;

export interface TextRun {
  subset: string;
  /** The pdfkit font name for this subset and weight. */
  font: string;
  text: string;
}

interface SubsetTable {
  folder: string;
  names: string[];
  /** Subset index + 1 for each BMP code point, 0 where no subset has it. */
  bmp: Uint8Array;
  astral: Map<number, number>;
}

let table: SubsetTable | undefined;

function loadTable(): SubsetTable {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve(`${PACKAGE}/package.json`));
  const ranges = JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>;
  // Named subsets (latin first) before the numbered CJK ones, so Latin text stays in one small file.
  const names = Object.keys(ranges).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  names.forEach((name, index) => {
    for (const part of ranges[name]!.split(',')) {
      const match = /^U\+([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(part.trim());
      if (!match) continue;
      const start = parseInt(match[1]!, 16);
      const end = match[2] ? parseInt(match[2], 16) : start;
      for (let code = start; code <= end; code += 1) {
        if (code < 0x10000) {
          if (bmp[code] === 0) bmp[code] = index + 1;
        } else if (!astral.has(code)) astral.set(code, index + 1);
      }
    }
  });
  table = { folder, names, bmp, astral };
  return table;
}

function rank(name: string): number {
  if (name === 'latin') return 0;
  if (!name.startsWith('[')) return 1;
  return 2;
}

function fontName(subset: string, weight: FontWeight): string {
  return `noto-sans-sc-${subset.replace(/[[\]]/g, '')}-${weight}`;
}

/** The subset file of one subset and weight, e.g. files/noto-sans-sc-17-400-normal.woff. */
export function subsetFile(subset: string, weight: FontWeight): string {
  const { folder } = loadTable();
  return join(
    folder,
    'files',
    `${PACKAGE.split('/')[1]}-${subset.replace(/[[\]]/g, '')}-${weight}-normal.woff`,
  );
}

/**
 * Splits text into runs by the subset holding each character; characters no subset holds fall back to
 * the Latin subset (they render as the font's missing glyph, never as a crash).
 */
export function splitIntoRuns(text: string, weight: FontWeight): TextRun[] {
  const { names, bmp, astral } = loadTable();
  const latin = names.indexOf('latin') + 1;
  const runs: TextRun[] = [];
  let current = -1;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    let subset = code < 0x10000 ? bmp[code]! : (astral.get(code) ?? 0);
    if (subset === 0) subset = current > 0 ? current : latin;
    if (subset !== current || runs.length === 0) {
      const name = names[subset - 1]!;
      runs.push({ subset: name, font: fontName(name, weight), text: char });
      current = subset;
    } else {
      runs[runs.length - 1]!.text += char;
    }
  }
  return runs;
}
