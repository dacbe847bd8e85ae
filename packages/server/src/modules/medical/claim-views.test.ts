import { postRetireeAccountCredit } from '@shebao/domain';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { insertMedicalAccountEntries } from '../accounts/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertMedicalFixture } from '../../testing/medical-fixture.ts';
import { createMedicalService, type ClaimInput, type ClaimView } from './index.ts';

const clock = fixedClock('2025-06-15T03:00:00.000Z');

describeEachDatabase('the answer to a claim', (getDb) => {
  it('is, when the claim settles, exactly what reading the claim back gives', async () => {
    // The first answer is made from what settling the claim computed, a later read from the tables: the
    // two must not differ by a field, a value or the order of the fields.
    const fixture = await insertMedicalFixture(getDb(), { workers: 2 });
    const [patient, relative] = fixture.workers;
    await insertMedicalAccountEntries(getDb(), [
      {
        personId: relative!.id,
        regionCode: fixture.regionCode,
        kind: 'retiree-credit',
        period: '2025-05',
        medicalFen: 30_000,
        medicalClaimId: null,
      },
    ]);
    await insertPostings(
      getDb(),
      postRetireeAccountCredit(
        { eventKey: `view-test-credit:${relative!.id}`, businessDate: '2025-05-31', regionCode: '360100' },
        30_000,
      ),
      '2025-05-31T00:00:00.000Z',
    );
    const service = createMedicalService(getDb(), clock, createPolicyService(getDb(), clock));
    const inputs: ClaimInput[] = [
      {
        institutionId: fixture.institutions[2]!.id,
        idNumber: patient!.idNumber,
        kind: 'inpatient',
        visitDate: '2025-06-01',
        dischargeDate: '2025-06-05',
        department: 'surgery',
        diagnosis: 'appendicitis',
        items: [
          { code: 'SVC-BED', name: 'Ward', itemClass: 'full', quantity: 4, amountFen: 400_000 },
          {
            code: 'D-17',
            name: 'Antibiotic',
            itemClass: 'part',
            quantity: 2,
            amountFen: 55_555,
            selfPaySharePpm: 150_000,
          },
          { code: 'X-9', name: 'Single room', itemClass: 'none', quantity: 1, amountFen: 80_000 },
        ],
        useAccount: false,
      },
      {
        institutionId: fixture.institutions[3]!.id,
        idNumber: patient!.idNumber,
        kind: 'pharmacy',
        visitDate: '2025-06-07',
        items: [{ code: 'D-2', name: 'Tablets', itemClass: 'full', quantity: 1, amountFen: 50_000 }],
        useAccount: true,
        accountHolderIdNumber: relative!.idNumber,
        accountHolderRelation: 'spouse',
      },
    ];
    const answers: ClaimView[] = [];
    for (const [n, input] of inputs.entries()) {
      const outcome = await service.settleClaim({
        input,
        idempotencyKey: `view-${n}`,
        recordedBy: 'system:his',
      });
      if ('error' in outcome) throw outcome.error;
      answers.push(outcome.claim);
    }
    expect(answers[1]!.accountHolder?.personId).toBe(relative!.id);
    const read = await service.listClaims({ personId: patient!.id, limit: 10 });
    for (const answer of answers)
      expect(JSON.stringify(read.find((claim) => claim.claimNo === answer.claimNo))).toBe(
        JSON.stringify(answer),
      );
  });
});
