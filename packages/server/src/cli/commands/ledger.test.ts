import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, folder, cleanup } = createShebaoRunner('ledger');
afterAll(cleanup);

describe('shebao ledger anchor and verify --anchor', () => {
  const anchors = join(folder, 'anchors.jsonl');

  it('appends one JSON line of chain heads per anchor, and verify checks the journal against them', async () => {
    expect((await shebao('demo')).code).toBe(0);
    const first = await shebao('ledger', 'anchor', '--to', anchors, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const anchor = JSON.parse(first.stdout);
    expect(anchor.heads.map((head: { fund: string }) => head.fund)).toEqual([
      'collection',
      'medical',
      'pension',
      'residents_medical',
      'unemployment',
      'work_injury',
    ]);
    expect(anchor.heads.every((head: { hash: string }) => /^[0-9a-f]{64}$/.test(head.hash))).toBe(true);
    expect((await shebao('ledger', 'anchor', '--to', anchors)).code).toBe(0);
    expect(readFileSync(anchors, 'utf8').trim().split('\n')).toHaveLength(2);

    const verified = await shebao('ledger', 'verify', '--anchor', anchors);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('ok   every kept anchor is on the recomputed chain');
    expect(verified.stdout).toContain(
      "ok   the pension journal's hash chain is unbroken and ends at its head",
    );
  }, 300_000);

  it('fails verification against an anchor the journal does not reach (exit 1)', async () => {
    const kept = JSON.parse(readFileSync(anchors, 'utf8').split('\n')[0]!);
    const pension = kept.heads.find((head: { fund: string }) => head.fund === 'pension');
    pension.hash = 'f'.repeat(64);
    const forged = join(folder, 'forged.jsonl');
    writeFileSync(forged, `${JSON.stringify(kept)}\n`);
    const verified = await shebao('ledger', 'verify', '--anchor', forged);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(`pension transaction ${pension.transactionId} hashes to`);
  }, 120_000);

  it('refuses an anchor file that is missing or not anchors (exit 2)', async () => {
    const missing = await shebao('ledger', 'verify', '--anchor', join(folder, 'nowhere.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.jsonl: cannot read the anchor file/);
    const junk = join(folder, 'junk.txt');
    writeFileSync(junk, '{"anchoredAt":"x","heads":[{"fund":"pension","transactionId":1,"hash":"nope"}]}\n');
    const bad = await shebao('ledger', 'anchor', '--to', junk);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/junk\.txt: anchor file line 1: heads\.0\.hash/);
    expect(readFileSync(junk, 'utf8').split('\n')).toHaveLength(2);
  }, 120_000);
});
