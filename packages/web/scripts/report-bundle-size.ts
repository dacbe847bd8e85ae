// npm run size --workspace @shebao/web [-- --json]
// Prints the JavaScript each entry point and each route module costs, raw and gzipped, from the Vite
// manifest of the last build (npm run build --workspace @shebao/web). "Loads" counts a chunk with
// every chunk it imports statically (what the browser fetches before it runs); "beyond entry" is what a
// route adds to what the entry has already loaded.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  name: string;
  kind: 'entry' | 'route';
  file: string;
  rawBytes: number;
  gzipBytes: number;
  loadsRawBytes: number;
  loadsGzipBytes: number;
  beyondEntryGzipBytes: number;
}

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');

export function measureChunks(manifest: Manifest, read: (file: string) => Buffer): ChunkSize[] {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = read(file);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const closure = (key: string, into = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const total = (files: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      raw += sizeOf(file).raw;
      gzip += sizeOf(file).gzip;
    }
    return { raw, gzip };
  };
  const entryFiles = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, entryFiles);

  const rows: ChunkSize[] = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry && !chunk.isDynamicEntry) continue;
    const files = closure(key);
    const loads = total(files);
    const beyond = total([...files].filter((file) => chunk.isEntry || !entryFiles.has(file)));
    rows.push({
      name: chunk.src ?? key,
      kind: chunk.isEntry ? 'entry' : 'route',
      file: chunk.file,
      rawBytes: sizeOf(chunk.file).raw,
      gzipBytes: sizeOf(chunk.file).gzip,
      loadsRawBytes: loads.raw,
      loadsGzipBytes: loads.gzip,
      beyondEntryGzipBytes: beyond.gzip,
    });
  }
  return rows.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'entry' ? -1 : 1,
  );
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  } catch {
    console.error('No build found: run npm run build --workspace @shebao/web first.');
    process.exit(1);
  }
  const rows = measureChunks(manifest, (file) => readFileSync(join(dist, file)));
  if (values.json) {
    console.log(JSON.stringify(rows));
  } else {
    const header = [
      'module',
      'kind',
      'own raw KB',
      'own gzip KB',
      'loads raw KB',
      'loads gzip KB',
      'beyond entry gzip KB',
    ];
    const lines = rows.map((row) => [
      row.name,
      row.kind,
      kb(row.rawBytes),
      kb(row.gzipBytes),
      kb(row.loadsRawBytes),
      kb(row.loadsGzipBytes),
      kb(row.beyondEntryGzipBytes),
    ]);
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`);
    for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  }
}
