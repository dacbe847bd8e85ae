import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_RULES, accessRuleRows, accessTo, ruleNamed } from './access-rules.ts';

const ARCHITECTURE = readFileSync(new URL('../../../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');

/** The rows of the markdown table under "### Access rules", cells trimmed. */
function documentedRows(): string[][] {
  const section = ARCHITECTURE.split('### Access rules')[1]?.split('\n### ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
}

describe('the access table', () => {
  it('is printed in docs/ARCHITECTURE.md exactly as the code has it', () => {
    const inCode = accessRuleRows().map((row) => [row.rule, row.roles, row.scope]);
    expect(documentedRows()).toEqual(inCode);
  });

  it('names each row resource.action and finds it by that name', () => {
    expect(ruleNamed('persons.read')).toBe(ACCESS_RULES.persons.read);
    expect(ruleNamed('persons.fly')).toBeUndefined();
    expect(ruleNamed('nothing.read')).toBeUndefined();
  });

  it('gives a route the row it names, with its resolver', () => {
    const resolver = () => ({ regionCode: '110000' });
    expect(accessTo('employers', 'list', resolver)).toEqual({
      roles: ACCESS_RULES.employers.list.roles,
      rule: 'employers.list',
      scope: resolver,
    });
    expect(accessTo('session', 'read')).toMatchObject({ rule: 'session.read', self: true });
    expect(accessTo('ledger', 'read')).not.toHaveProperty('scope');
  });
});
