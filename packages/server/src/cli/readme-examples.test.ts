import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type DemoLogins } from '../demo/demo-accounts.ts';
import { createShebaoRunner } from '../testing/run-shebao.ts';

// Every command the README shows in a ```sh block is run here, in the README's order, against a fresh demo
// database, and must succeed: a reader who copies them gets what the README promises.

const README = fileURLToPath(new URL('../../../../README.md', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/shebao.js', import.meta.url));

/**
 * Lines not run, each with the reason: they serve, build or test the whole project, or need another
 * database. A new README line not in this list is run, so it has to work.
 */
const NOT_RUN: Record<string, string> = {
  'npm install && npm start': 'installs and then serves until stopped',
  'npm test': 'the whole test suite, this test included',
  'npm start': 'serves until stopped',
  'npm run dev --workspace @shebao/web': 'serves until stopped',
  'npm run generate:api --workspace @shebao/web': 'rewrites a source file of the web app',
  'npm run size --workspace @shebao/web': 'needs a production build of the web app',
  'DATABASE_URL=postgres://postgres@127.0.0.1:5432/shebao npm start': 'serves until stopped, on PostgreSQL',
  'DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test': 'the whole test suite on PostgreSQL',
};

/**
 * Stand-ins the README shows for what an earlier command printed: before a line runs, each `text` in it is
 * replaced by the value `from` found in the output of the line that starts with `after`.
 */
const STAND_INS = [
  { text: 'PAY20261204…', after: 'npx shebao pay ', from: /^Receipt (PAY\S+)/m },
  { text: 'approve-reversal 12 ', after: 'npx shebao payments reverse ', from: /^approval (\d+) /m },
  {
    text: 'ABCD-EFGH-JKLM-NPQR',
    after: 'npx shebao statement issue ',
    from: /^Issued .* (\w{4}-\w{4}-\w{4}-\w{4}) /,
  },
].map((standIn) => ({
  ...standIn,
  // The number alone is replaced in "approve-reversal 12 ".
  replaceWith: (value: string) => standIn.text.replace(/PAY20261204…|12|ABCD-EFGH-JKLM-NPQR/, value),
}));

/** The lines of the README's ```sh blocks: continuations joined, trailing comments kept for the shell. */
export function readmeCommandLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    let pending = '';
    for (const line of block[1]!.split('\n')) {
      if (line.endsWith('\\')) {
        pending += `${line.slice(0, -1)} `;
        continue;
      }
      const whole = (pending + line).trim();
      pending = '';
      if (whole) lines.push(whole);
    }
  }
  return lines;
}

/** The command without its trailing comment, spaces squeezed: how NOT_RUN names it. */
function commandOf(line: string): string {
  return line
    .replace(/\s+#\s.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const { folder, cleanup } = createShebaoRunner('readme');
afterAll(cleanup);
const databaseUrl = `sqlite:${folder}/readme.db`;

async function run(line: string, env: Record<string, string>) {
  // The README's `npx shebao` is this checkout's command; the shell reads quotes, redirections and comments.
  const script = line.replaceAll('npx shebao ', `node ${JSON.stringify(BIN)} `);
  try {
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', script], {
      cwd: folder,
      // The README's dates (the 2026-11 run, payments early in December) read as of this day.
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, SHEBAO_TODAY: '2026-12-06' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the README', () => {
  const markdown = readFileSync(README, 'utf8');
  const lines = readmeCommandLines(markdown);
  let logins: DemoLogins;

  it('names the Node.js version package.json declares, and this Node satisfies it', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
    ) as {
      engines: { node: string };
    };
    const minimum = /^>=(\d+)\.(\d+)$/.exec(manifest.engines.node);
    expect(minimum, manifest.engines.node).not.toBeNull();
    expect(markdown).toContain(`Node.js ${minimum![1]}.${minimum![2]} or newer`);
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(
      major! > Number(minimum![1]) || (major === Number(minimum![1]) && minor! >= Number(minimum![2])),
    ).toBe(true);
  });

  it('lists the demo logins the demo loads', { timeout: 300_000 }, async () => {
    const loaded = await run('npx shebao demo --json', {});
    expect(loaded.stderr).toBe('');
    logins = (JSON.parse(loaded.stdout) as { logins: DemoLogins }).logins;
    expect(logins.employers).toHaveLength(1);
    // Three insured persons and a pensioner.
    expect(logins.persons).toHaveLength(4);
    expect(logins.flexibleWorkers).toHaveLength(1);
    const start = markdown.indexOf('| administrators (region 110000)');
    const table = markdown.slice(start, markdown.indexOf('\n\n', start));
    // Each login once, in the table's order ("admin2 approves what admin proposes" names admin twice).
    const quoted = [...new Set([...table.matchAll(/`([^`]+)`/g)].map((match) => match[1]))];
    expect(quoted).toEqual([
      ...logins.staff,
      logins.employers[0]!.creditCode,
      logins.employers[0]!.userName,
      ...logins.persons,
      ...logins.flexibleWorkers,
    ]);
    expect(markdown).toContain(`password \`${DEMO_PASSWORD}\``);
  });

  it(
    'shows only commands that work, each run against the demo database',
    { timeout: 1_200_000 },
    async () => {
      expect(logins, 'the demo was loaded by the test before').toBeDefined();
      for (const standIn of STAND_INS) expect(markdown).toContain(standIn.text);
      const ran: string[] = [];
      const env: Record<string, string> = {};
      const found = new Map<string, string>();
      for (const line of lines) {
        if (NOT_RUN[commandOf(line)]) continue;
        let script = line;
        for (const standIn of STAND_INS.filter((one) => line.includes(one.text))) {
          const value = found.get(standIn.text);
          expect(value, `${standIn.text}: printed by the README line before it`).toBeDefined();
          script = script.replace(standIn.text, standIn.replaceWith(value!));
        }
        const exported = /^export (\w+)=(\S+)/.exec(script);
        if (exported) env[exported[1]!] = exported[2]!;
        const result = await run(script, env);
        expect({ line: script, ...result }).toEqual({
          line: script,
          code: 0,
          stdout: result.stdout,
          stderr: '',
        });
        for (const standIn of STAND_INS) {
          if (!line.startsWith(standIn.after)) continue;
          const value = standIn.from.exec(result.stdout)?.[1];
          expect(value, `${standIn.text}: not in the output of ${line}`).toBeDefined();
          found.set(standIn.text, value!);
        }
        ran.push(commandOf(line));
      }
      // Every line was run or is listed with its reason, and every listed line is still in the README.
      expect(ran.length + Object.keys(NOT_RUN).length).toBe(lines.length);
      expect(lines.map(commandOf)).toEqual(expect.arrayContaining(Object.keys(NOT_RUN)));
      expect(ran.filter((command) => command.includes('npx shebao')).length).toBeGreaterThan(20);
    },
  );
});
