import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS, TABLE_READERS, type TableName } from '../db/table-owners.ts';

/**
 * Every table has one owning module (docs/ARCHITECTURE.md, "Tables and their owners"): only the owner's
 * repository files query it. A read model module may read other modules' tables, in its repository files
 * only, when TABLE_READERS says so; nobody else writes them. The check reads the Kysely calls
 * (`selectFrom('bills')`, `insertInto`, `updateTable`, `deleteFrom`, joins) and raw `from bills` / `join bills`
 * in sql templates.
 */
const SRC = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const TABLES = Object.keys(TABLE_OWNERS);
const NAME = TABLES.join('|');
const KYSELY = new RegExp(
  `\\b(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin)\\(\\s*['"](${NAME})(?: as \\w+)?['"]`,
  'g',
);
const RAW = new RegExp(`\\b(from|join|into|update)\\s+(${NAME})\\b`, 'gi');
const WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'into', 'update']);

interface Use {
  file: string;
  module: string | null;
  table: string;
  write: boolean;
}

function usesIn(file: string): Use[] {
  const path = relative(SRC, file);
  const module = /^modules\/([^/]+)\//.exec(path)?.[1] ?? null;
  const text = readFileSync(file, 'utf8');
  const uses: Use[] = [];
  for (const match of text.matchAll(KYSELY))
    uses.push({ file: path, module, table: match[2]!, write: WRITES.has(match[1]!) });
  // Raw SQL sits in sql`...` templates; a prose comment ("taken from bills") is not a query.
  for (const template of text.matchAll(/sql(?:<[^`]*?>)?`([^`]*)`/g))
    for (const match of template[1]!.matchAll(RAW))
      uses.push({
        file: path,
        module,
        table: match[2]!.toLowerCase(),
        write: WRITES.has(match[1]!.toLowerCase()),
      });
  return uses;
}

describe('tables and their owners', () => {
  const uses = sourceFiles(join(SRC, 'modules')).flatMap(usesIn);

  it('finds the queries it checks', () => {
    expect(uses.filter((use) => use.table === 'bills').length).toBeGreaterThan(5);
  });

  it('names an owner that is a module for every table', () => {
    const modules = readdirSync(join(SRC, 'modules'));
    expect(Object.values(TABLE_OWNERS).filter((owner) => !modules.includes(owner))).toEqual([]);
  });

  it("lets only a module's repository files query its tables, and readers only read", () => {
    const wrong: string[] = [];
    for (const use of uses) {
      const owner = TABLE_OWNERS[use.table as keyof typeof TABLE_OWNERS];
      const inRepository = use.file.endsWith('.repository.ts');
      const mayRead =
        use.module === owner || (TABLE_READERS[use.module ?? ''] ?? []).includes(use.table as TableName);
      if (use.write && use.module !== owner)
        wrong.push(`${use.file}: writes ${use.table}, which ${owner} owns`);
      else if (!mayRead) wrong.push(`${use.file}: reads ${use.table}, which ${owner} owns`);
      else if (!inRepository) wrong.push(`${use.file}: queries ${use.table} outside a repository file`);
    }
    expect([...new Set(wrong)].sort()).toEqual([]);
  });
});
