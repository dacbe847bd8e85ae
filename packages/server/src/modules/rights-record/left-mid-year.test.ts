import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { creditYearInterest } from '../accounts/index.ts';
import { runCollection } from '../../workflows/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { issueContributionCertificate, loadOrCreateSigningKey } from '../statements/index.ts';
import { rightsRecord, rightsRecordForYear } from './index.ts';

/**
 * Someone who left their job in August 2025 and has paid nothing since: their record must still show the
 * year's interest credited in December, the balance with it, and the interruption running up to today.
 */
const runClock = fixedClock('2025-10-10T02:00:00.000Z');
const today = fixedClock('2026-03-10T02:00:00.000Z');
const folder = mkdtempSync(join(tmpdir(), 'shebao-left-mid-year-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeEachDatabase('rights record of a person who left mid-year', (getDb) => {
  let personId = 0;

  it('runs to today: the interest credited after the last contribution month and the balance with it', async () => {
    const db = getDb();
    const deps = { db, clock: runClock, policy: createPolicyService(db, runClock) };
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000, leftOn: '2025-08-31' }] }],
    });
    personId = fixture.personIds[0]![0]!;
    const payerKey = `E${fixture.employerIds[0]!}`;
    for (const period of ['2025-07', '2025-08', '2025-09']) {
      await runCollection(deps, { regionCode: '110000', period });
    }
    const bills = await db
      .selectFrom('bills')
      .select(['total_fen', 'due_date'])
      .where('payer_key', '=', payerKey)
      .execute();
    for (const bill of bills) {
      await recordPayments(deps, [
        { payerKey, amountFen: bill.total_fen, paidOn: bill.due_date, channel: 'api' },
      ]);
    }
    await creditYearInterest(deps, { year: 2025, regionCode: '110000' });

    const record = await rightsRecord({ db, clock: today }, { personId });
    expect(record.lastPeriod).toBe('2025-08');
    expect([record.from, record.to]).toEqual(['2025-07', '2026-03']);
    const [year2025] = record.accounts.pension;
    // 8% of 10000 yuan for July and August went to the account; December's interest is on top.
    expect(year2025).toMatchObject({ year: 2025, openingFen: 0, contributionsFen: 160_000 });
    expect(year2025!.interestFen).toBeGreaterThan(0);
    expect(record.accounts.pension.at(-1)!.closingFen).toBe(160_000 + year2025!.interestFen);
    // The year's own record agrees.
    const only2025 = await rightsRecordForYear({ db, clock: today }, personId, 2025);
    expect(only2025.accounts.pension).toEqual([year2025]);
  });

  it('lists the interruption running up to the month before today', async () => {
    const db = getDb();
    const record = await rightsRecord({ db, clock: today }, { personId });
    expect(record.gaps).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    const thisYear = await rightsRecordForYear({ db, clock: today }, personId, 2026);
    expect(thisYear.gaps).toEqual(['2026-01', '2026-02']);
    // A range that ends earlier stops there.
    const ranged = await rightsRecord({ db, clock: today }, { personId, from: '2025-07', to: '2025-10' });
    expect(ranged.gaps).toEqual(['2025-09', '2025-10']);
  });

  it('certifies the interest, the balance and the interruption on the statement', async () => {
    const db = getDb();
    const signingKey = loadOrCreateSigningKey(join(folder, 'key.pem'));
    const issued = await issueContributionCertificate(
      { db, clock: today, signingKey, publicBaseUrl: 'https://si.example.cn' },
      { personId },
    );
    const { pension } = issued.document.accounts;
    expect(pension.interestFen).toBeGreaterThan(0);
    expect(pension.closingFen).toBe(160_000 + pension.interestFen);
    expect(issued.document.period).toEqual({ from: '2025-07', to: '2026-03' });
    expect(issued.document.gaps).toHaveLength(6);
  });
});
