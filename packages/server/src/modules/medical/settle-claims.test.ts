import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { AppError } from '../../errors/index.ts';
import { postRetireeAccountCredit } from '@shebao/domain';
import { insertMedicalAccountEntries } from '../accounts/index.ts';
import { insertPostings, verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertMedicalFixture, type MedicalFixture } from '../../testing/medical-fixture.ts';
import { createMedicalService, type ClaimOutcome } from './index.ts';
import type { ClaimInput } from './claims.schemas.ts';

const clock = fixedClock('2025-06-15T03:00:00.000Z');
const yuan = (amount: number) => Math.round(amount * 100);
let keys = 0;

function claimOf(
  fixture: MedicalFixture,
  overrides: Partial<ClaimInput> & { level?: 1 | 2 | 3 | 'pharmacy' },
) {
  const { level = 3, ...rest } = overrides;
  const institution = fixture.institutions[level === 'pharmacy' ? 3 : level - 1]!;
  const input: ClaimInput = {
    institutionId: institution.id,
    idNumber: fixture.workers[0]!.idNumber,
    kind: 'inpatient',
    visitDate: '2025-06-01',
    dischargeDate: '2025-06-10',
    items: [{ code: 'SVC-BED', name: 'Ward', itemClass: 'full', quantity: 1, amountFen: yuan(10_000) }],
    useAccount: false,
    ...rest,
  };
  return input;
}

function settled(outcome: ClaimOutcome) {
  if ('error' in outcome) throw outcome.error;
  return outcome.claim;
}

function refusal(outcome: ClaimOutcome): AppError {
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${outcome.claim.claimNo}`);
  return outcome.error;
}

describeEachDatabase('real-time settlement of medical claims', (getDb) => {
  const service = () => createMedicalService(getDb(), clock, createPolicyService(getDb(), clock));
  const submit = (input: ClaimInput, idempotencyKey = `claim-key-${(keys += 1)}`) =>
    service().settleClaim({ input, idempotencyKey, recordedBy: 'staff:hospital' });

  it('settles an inpatient stay: deductible by level, ratio, and the year’s totals', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const claim = settled(await submit(claimOf(fixture, {})));
    expect(claim.deductibleFen).toBe(yuan(800));
    expect(claim.pooledFen).toBe(yuan(7_820));
    expect(claim.cashFen).toBe(yuan(2_180));
    expect(claim.personType).toBe('in-service');
    expect(claim.year.deductibleUsedFen.inpatient).toBe(yuan(800));
    expect(claim.year.pooledTotalFen).toBe(yuan(7_820));
    expect(claim.year.annualCapLeftFen).toBe(yuan(300_000 - 7_820));
    expect(claim.explanation.sources).toContain('SIL Art. 28');
    // A second stay the same year: the deductible is used, the ratio applies to all of it.
    const second = settled(
      await submit(claimOf(fixture, { visitDate: '2025-06-11', dischargeDate: '2025-06-12' })),
    );
    expect(second.deductibleFen).toBe(0);
    expect(second.pooledFen).toBe(yuan(8_500));
    expect(second.year.pooledTotalFen).toBe(yuan(16_320));
    expect(await service().yearTotalsDrift()).toEqual([]);
    expect((await verifyLedger(getDb())).ok).toBe(true);
  });

  it('answers a repeated request with the first answer and refuses the key for another claim', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const input = claimOf(fixture, { kind: 'outpatient', dischargeDate: undefined, level: 1 });
    const first = settled(await submit(input, 'repeat-key-0001'));
    const again = await submit(input, 'repeat-key-0001');
    expect(again).toEqual({ claim: first, replayed: true });
    const other = refusal(await submit({ ...input, visitDate: '2025-06-02' }, 'repeat-key-0001'));
    expect(other.code).toBe('CONFLICT');
    const claims = await service().listClaims({ personId: fixture.workers[0]!.id, limit: 10 });
    expect(claims).toHaveLength(1);
  });

  it('refuses what it cannot settle, naming the field, and writes nothing for it', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const unknown = refusal(await submit(claimOf(fixture, { idNumber: '11010519491231002X' })));
    expect(unknown.field).toBe('idNumber');
    const future = refusal(
      await submit(claimOf(fixture, { visitDate: '2025-07-01', dischargeDate: '2025-07-02' })),
    );
    expect(future.field).toBe('visitDate');
    const noDischarge = refusal(await submit(claimOf(fixture, { dischargeDate: undefined })));
    expect(noDischarge.field).toBe('dischargeDate');
    const share = refusal(
      await submit(
        claimOf(fixture, {
          items: [{ code: 'D1', name: 'Drug', itemClass: 'part', quantity: 1, amountFen: 100 }],
        }),
      ),
    );
    expect(share.field).toBe('items.0.selfPaySharePpm');
    const resident = refusal(await submit(claimOf(fixture, { idNumber: fixture.residents[0]!.idNumber })));
    expect(resident.detailCode).toBe('medical-not-covered');
    expect(await service().listClaims({ institutionId: fixture.institutions[2]!.id, limit: 10 })).toEqual([]);
  });

  it('gives retirees their own terms and refuses one short of the minimum medical years', async () => {
    const fixture = await insertMedicalFixture(getDb(), { retirees: 2 });
    const claim = settled(
      await submit(
        claimOf(fixture, {
          idNumber: fixture.retirees[0]!.idNumber,
          kind: 'outpatient',
          dischargeDate: undefined,
          level: 1,
          items: [
            { code: 'C1', name: 'Consultation', itemClass: 'full', quantity: 1, amountFen: yuan(1_300) },
          ],
        }),
      ),
    );
    expect(claim.personType).toBe('retired');
    // 1,300 - 300 deductible = 1,000 × 70% (65% + 5 points for retirees).
    expect(claim.pooledFen).toBe(yuan(700));
    expect(claim.year.lineCapLeftFen).toBe(yuan(3_000 - 700));
    await getDb()
      .updateTable('person_year_summaries')
      .set({ medical_months: 100 })
      .where('person_id', '=', fixture.retirees[1]!.id)
      .execute();
    const short = refusal(await submit(claimOf(fixture, { idNumber: fixture.retirees[1]!.idNumber })));
    expect(short.detailCode).toBe('medical-years-short');
    expect(short.message).toContain('SIL Art. 27');
  });

  it('keeps the residents’ waiting period, then settles residents from their own fund', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const resident = fixture.residents[0]!;
    const late = await service().enrolResident(
      resident.id,
      { year: 2025, paidOn: '2025-03-10', amountFen: yuan(400), repairedYears: 0, newborn: false },
      'staff:collector',
    );
    expect(late.enrolment.coveredFrom).toBe('2025-06-10');
    const waiting = refusal(
      await submit(
        claimOf(fixture, {
          idNumber: resident.idNumber,
          visitDate: '2025-06-05',
          dischargeDate: '2025-06-08',
        }),
      ),
    );
    expect(waiting.detailCode).toBe('medical-waiting-period');
    const claim = settled(
      await submit(
        claimOf(fixture, {
          idNumber: resident.idNumber,
          level: 2,
          visitDate: '2025-06-10',
          dischargeDate: '2025-06-12',
        }),
      ),
    );
    expect(claim.scheme).toBe('resident');
    expect(claim.pooledFen).toBe(yuan(6_650));
    const report = await verifyLedger(getDb());
    expect(report.ok).toBe(true);
    const residentsBank = report.balances.find(
      (row) => row.fund === 'residents_medical' && row.account === 'bank',
    );
    expect(residentsBank?.debitFen).toBe(yuan(400));
  });

  it('pays from the account up to its balance and gives it back when the claim is cancelled', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const worker = fixture.workers[1]!;
    // A credit of 500 yuan, in the sub-ledger and its control account alike.
    await insertMedicalAccountEntries(getDb(), [
      {
        personId: worker.id,
        regionCode: fixture.regionCode,
        kind: 'retiree-credit',
        period: '2025-05',
        medicalFen: yuan(500),
        medicalClaimId: null,
      },
    ]);
    await insertPostings(
      getDb(),
      postRetireeAccountCredit(
        { eventKey: `test-credit:${worker.id}`, businessDate: '2025-05-31', regionCode: fixture.regionCode },
        yuan(500),
      ),
      '2025-05-31T00:00:00.000Z',
    );
    const claim = settled(
      await submit(
        claimOf(fixture, {
          idNumber: worker.idNumber,
          kind: 'pharmacy',
          level: 'pharmacy',
          dischargeDate: undefined,
          useAccount: true,
          items: [{ code: 'D2', name: 'Tablets', itemClass: 'full', quantity: 2, amountFen: yuan(800) }],
        }),
      ),
    );
    // 800 - 300 deductible = 500 × 65% = 325 pooled; 475 owed, the account pays all of its 500... of 475.
    expect(claim.pooledFen).toBe(yuan(325));
    expect(claim.accountFen).toBe(yuan(475));
    expect(claim.cashFen).toBe(0);
    const account = await service().readMedicalAccount(worker.id, { year: 2025, limit: 10 });
    expect(account.balanceFen).toBe(yuan(25));
    expect(account.movements[0]).toMatchObject({
      kind: 'medical-spending',
      amountFen: -yuan(475),
      claimNo: claim.claimNo,
    });

    const cancelled = await service().cancelClaim(claim.claimNo, 'returned the tablets', {
      loginKey: 'staff:pharmacy',
      institutionId: fixture.institutions[3]!.id,
    });
    expect(cancelled.claim.status).toBe('cancelled');
    const again = await service().cancelClaim(claim.claimNo, 'returned the tablets', {
      loginKey: 'staff:pharmacy',
      institutionId: fixture.institutions[3]!.id,
    });
    expect(again.replayed).toBe(true);
    const after = await service().readMedicalAccount(worker.id, { year: 2025, limit: 10 });
    expect(after.balanceFen).toBe(yuan(500));
    expect(after.year.deductibleUsedFen.outpatient).toBe(0);
    expect(after.year.pooledTotalFen).toBe(0);
    expect(await service().yearTotalsDrift()).toEqual([]);
    expect((await verifyLedger(getDb())).ok).toBe(true);
    await expect(
      service().cancelClaim(claim.claimNo, 'not mine', {
        loginKey: 'staff:other',
        institutionId: fixture.institutions[0]!.id,
      }),
    ).rejects.toThrow(/no claim/);
  });

  it('never lets concurrent claims of one person pass the cap or use the deductible twice', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const worker = fixture.workers[2]!;
    // Twenty outpatient visits of 1,000 yuan at two hospitals at once, through two services as two servers
    // would (each batches its own; on PostgreSQL their transactions run side by side): the deductible is
    // taken once and the outpatient cap of 2,000 is reached exactly.
    const servers = [service(), service()];
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        servers[n % 2]!.settleClaim({
          idempotencyKey: `concurrent-${n}-${(keys += 1)}`,
          recordedBy: 'system:his',
          input: claimOf(fixture, {
            idNumber: worker.idNumber,
            kind: 'outpatient',
            level: n % 2 ? 1 : 2,
            dischargeDate: undefined,
            items: [
              { code: 'C1', name: 'Consultation', itemClass: 'full', quantity: 1, amountFen: yuan(1_000) },
            ],
          }),
        }),
      ),
    );
    const claims = outcomes.map(settled);
    expect(claims.reduce((sum, claim) => sum + claim.deductibleFen, 0)).toBe(yuan(300));
    expect(claims.reduce((sum, claim) => sum + claim.pooledFen, 0)).toBe(yuan(2_000));
    const account = await service().readMedicalAccount(worker.id, { year: 2025, limit: 50 });
    expect(account.year.pooledFen.outpatient).toBe(yuan(2_000));
    expect(account.year.claims).toBe(20);
    expect(await service().yearTotalsDrift()).toEqual([]);
  });

  it('refuses claims at an institution whose agreement is suspended, with the reason', async () => {
    const fixture = await insertMedicalFixture(getDb());
    const institution = await service().getInstitution(fixture.institutions[0]!.id);
    await service().changeAgreementStanding(
      institution.id,
      institution.agreements[0]!.id,
      {
        status: 'suspended',
        from: '2025-06-01',
        until: '2025-12-31',
        reason: 'split hospitalisation',
        source: 'MFR Art. 38',
      },
      'staff:medical',
    );
    const refused = refusal(await submit(claimOf(fixture, { level: 1 })));
    expect(refused.detailCode).toBe('settlement-suspended');
    expect(refused.message).toContain('MFR Art. 38');
    const view = await service().getInstitution(institution.id);
    expect(view.settlingToday).toBe(false);
    expect(view.agreements[0]!.history.map((event) => event.status)).toEqual(['active', 'suspended']);
  });
});
