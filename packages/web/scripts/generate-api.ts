// npm run generate:api --workspace @shebao/web [-- --url http://localhost:3000] [-- --check]
// Writes src/api/schema.ts from the server's OpenAPI document (see scripts/api-types.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fetchServerDocument, readServerDocument, renderApiTypes, SCHEMA_FILE } from './api-types.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, check: { type: 'boolean', default: false } },
});

const served = values.url ? await fetchServerDocument(values.url) : await readServerDocument();
const text = await renderApiTypes(served);
const current = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');

if (values.check) {
  if (current !== text) {
    console.error('src/api/schema.ts is out of date: run npm run generate:api --workspace @shebao/web');
    process.exit(1);
  }
  console.log('src/api/schema.ts matches the server');
} else {
  await writeFile(SCHEMA_FILE, text);
  const paths = Object.keys((served.document.paths ?? {}) as object).length;
  console.log(
    `src/api/schema.ts: ${paths} paths from ${served.source}${current === text ? ' (unchanged)' : ''}`,
  );
}
