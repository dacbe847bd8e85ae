import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readServerDocument, renderApiTypes, SCHEMA_FILE } from './api-types.ts';

describe('the generated API types', () => {
  it('match the server’s OpenAPI document (else run npm run generate:api --workspace @shebao/web)', async () => {
    const expected = await renderApiTypes(await readServerDocument());
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(expected);
  });
});
