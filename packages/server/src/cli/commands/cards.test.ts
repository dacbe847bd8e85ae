import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, folder, cleanup } = createShebaoRunner('cards');
afterAll(cleanup);

describe('shebao cards', () => {
  it('finds nothing to produce or lapse in an empty region, and refuses bad input with exit 2', async () => {
    const empty = await shebao('cards', 'production-batch', '--region', '110105', '--bank', 'ICBC');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('regionCode');
    const lapse = await shebao('cards', 'lapse-losses', '--region', '110105', '--json');
    expect(lapse.code).toBe(0);
    expect(JSON.parse(lapse.stdout)).toEqual({ lapsed: 0 });
    const badBank = await shebao('cards', 'production-batch', '--region', '110105', '--bank', 'icbc bank');
    expect(badBank.code).toBe(2);
    expect(badBank.stderr).toContain('--bank');
    const badRegion = await shebao('cards', 'lapse-losses', '--region', '11');
    expect(badRegion.code).toBe(2);
    const missing = await shebao('cards', 'import-return', join(folder, 'nowhere.csv'), '--batch', '1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<file>');
    const file = join(folder, 'return.csv');
    writeFileSync(file, 'card_no,bank_account_no,produced_on\nA00000001,6222020200112233445,2026-11-20\n');
    const badBatch = await shebao('cards', 'import-return', file, '--batch', 'x');
    expect(badBatch.code).toBe(2);
    const unknown = await shebao('cards', 'import-return', file, '--batch', '999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('batchId');
  }, 120_000);
});
