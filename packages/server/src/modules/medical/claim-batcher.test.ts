import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { createPolicyService } from '../policy/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertMedicalFixture } from '../../testing/medical-fixture.ts';
import { createMedicalService } from './index.ts';

const clock = fixedClock('2025-06-15T03:00:00.000Z');

describeEachDatabase('the claim batcher', (getDb) => {
  it('answers callers who send their next claim as soon as the last is answered', async () => {
    // As a hospital's counters do: each waits for its answer, then sends the next claim at once. Those
    // next claims arrive while the batch that answered is still winding up; they must form the next batch,
    // not wait for a claim that never comes.
    const fixture = await insertMedicalFixture(getDb(), { workers: 4 });
    const service = createMedicalService(getDb(), clock, createPolicyService(getDb(), clock));
    const counter = async (worker: number) => {
      const claimNos: string[] = [];
      for (let visit = 0; visit < 5; visit += 1) {
        const outcome = await service.settleClaim({
          idempotencyKey: `counter-${worker}-${visit}`,
          recordedBy: 'system:his',
          input: {
            institutionId: fixture.institutions[0]!.id,
            idNumber: fixture.workers[worker]!.idNumber,
            kind: 'outpatient',
            visitDate: `2025-06-0${visit + 1}`,
            items: [{ code: 'C1', name: 'Consultation', itemClass: 'full', quantity: 1, amountFen: 20_000 }],
            useAccount: false,
          },
        });
        if ('error' in outcome) throw outcome.error;
        claimNos.push(outcome.claim.claimNo);
      }
      return claimNos;
    };
    const answered = await Promise.all([0, 1, 2, 3].map(counter));
    expect(new Set(answered.flat()).size).toBe(20);
    expect(await service.yearTotalsDrift()).toEqual([]);
  });
});
