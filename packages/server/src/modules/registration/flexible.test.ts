import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { countRows, expectRefusal, useRegistration } from './test-fixture.ts';

describeEachDatabase('registration: flexible workers', (getDb) => {
  const fixture = useRegistration(getDb);
  // Beijing from 2025-07: average wage 11,937.00, so bases from 7,162.20 to 35,811.00.
  const enrolment = { regionCode: '110105', paymentMethod: 'self' as const, startPeriod: '2025-07' };

  it('enrols with a grade, turns the person into a flexible worker and returns the allowed range', async () => {
    const person = await fixture.person({ category: 'resident' });
    const result = await fixture.registration().enrolFlexible({
      ...enrolment,
      idNumber: person.idNumber,
      gradePpm: 600_000,
    });
    expect(result.enrolment).toMatchObject({
      personId: person.id,
      baseFen: 716_220,
      gradePpm: 600_000,
      paymentMethod: 'self',
      startPeriod: '2025-07',
      endPeriod: null,
      enrolledOn: '2025-06-10',
    });
    expect(result.allowed).toEqual({ averageWageFen: 1_193_700, minFen: 716_220, maxFen: 3_581_100 });
    expect((await fixture.registration().getPerson(person.id)).category).toBe('flexible');
  });

  it('enrols with an amount and a withholding agreement, recording the grade', async () => {
    const person = await fixture.person({ category: 'flexible' });
    const result = await fixture.registration().enrolFlexible({
      ...enrolment,
      personId: person.id,
      baseFen: 1_193_700,
      paymentMethod: 'withholding',
      bankAccount: '6222000000000002',
      agreementNo: 'WH-2025-0001',
    });
    expect(result.enrolment).toMatchObject({
      gradePpm: 1_000_000,
      bankAccount: '6222000000000002',
      agreementNo: 'WH-2025-0001',
    });
  });

  it('refuses a base outside 60%-300% of the average wage, naming baseFen and the range in yuan', async () => {
    const person = await fixture.person({ category: 'flexible' });
    const before = await countRows(getDb());
    const registration = fixture.registration();
    const low = await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: person.id, baseFen: 716_219 }),
      'RULE_VIOLATION',
      'baseFen',
    );
    expect(low.message).toContain('from 7162.20 to 35811.00 yuan');
    await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: person.id, baseFen: 3_581_101 }),
      'RULE_VIOLATION',
      'baseFen',
    );
    await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: person.id, gradePpm: 3_100_000 }),
      'RULE_VIOLATION',
      'gradePpm',
    );
    await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: person.id, baseFen: 800_000, gradePpm: 700_000 }),
      'VALIDATION',
      'baseFen',
    );
    expect(await countRows(getDb())).toEqual(before);
  });

  it('requires the bank account and agreement number for withholding', async () => {
    const person = await fixture.person();
    const registration = fixture.registration();
    const request = {
      ...enrolment,
      personId: person.id,
      gradePpm: 1_000_000,
      paymentMethod: 'withholding' as const,
    };
    await expectRefusal(
      registration.enrolFlexible({ ...request, agreementNo: 'WH-1' }),
      'VALIDATION',
      'bankAccount',
    );
    await expectRefusal(
      registration.enrolFlexible({ ...request, bankAccount: '6222' }),
      'VALIDATION',
      'agreementNo',
    );
    const error = await expectRefusal(
      registration.enrolFlexible(request),
      'VALIDATION',
      undefined as unknown as string,
    );
    expect(error.errors?.map((it) => it.field)).toEqual(['bankAccount', 'agreementNo']);
  });

  it('stops and resumes as a new enrolment; refuses overlaps, stopping twice and ending before the start', async () => {
    const person = await fixture.person();
    const registration = fixture.registration();
    const first = await registration.enrolFlexible({ ...enrolment, personId: person.id, gradePpm: 800_000 });
    const before = await countRows(getDb());
    await expectRefusal(
      registration.enrolFlexible({
        ...enrolment,
        personId: person.id,
        gradePpm: 800_000,
        startPeriod: '2025-09',
      }),
      'CONFLICT',
      'startPeriod',
    );
    await expectRefusal(
      registration.stopFlexible({ personId: person.id, endPeriod: '2025-06' }),
      'VALIDATION',
      'endPeriod',
    );
    expect(await countRows(getDb())).toEqual(before);

    const stopped = await registration.stopFlexible({ idNumber: person.idNumber, endPeriod: '2025-10' });
    expect(stopped).toMatchObject({ id: first.enrolment.id, endPeriod: '2025-10' });
    await expectRefusal(
      registration.stopFlexible({ personId: person.id, endPeriod: '2025-11' }),
      'CONFLICT',
      'personId',
    );
    await expectRefusal(
      registration.enrolFlexible({
        ...enrolment,
        personId: person.id,
        gradePpm: 800_000,
        startPeriod: '2025-10',
      }),
      'CONFLICT',
      'startPeriod',
    );
    const resumed = await registration.enrolFlexible({
      ...enrolment,
      personId: person.id,
      gradePpm: 1_000_000,
      startPeriod: '2026-01',
    });
    expect(resumed.enrolment.id).not.toBe(first.enrolment.id);
    expect(
      (await registration.listFlexibleEnrolments(person.id)).map((row) => [row.startPeriod, row.endPeriod]),
    ).toEqual([
      ['2025-07', '2025-10'],
      ['2026-01', null],
    ]);
  });

  it('refuses to enrol a person an employer insures for the start month', async () => {
    const employer = await fixture.employer();
    const person = await fixture.person();
    const registration = fixture.registration();
    const { employment } = await registration.hire({
      employerId: employer.id,
      personId: person.id,
      hiredOn: '2024-01-01',
    });
    await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: person.id, gradePpm: 600_000 }),
      'RULE_VIOLATION',
      'startPeriod',
    );
    await registration.leave({ employmentId: employment.id, leftOn: '2025-07-15', reason: 'resignation' });
    await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: person.id, gradePpm: 600_000 }),
      'RULE_VIOLATION',
      'startPeriod',
    );
    const result = await registration.enrolFlexible({
      ...enrolment,
      personId: person.id,
      gradePpm: 600_000,
      startPeriod: '2025-08',
    });
    expect(result.enrolment.startPeriod).toBe('2025-08');
    expect((await registration.getPerson(person.id)).category).toBe('flexible');
  });

  it('refuses an unknown person, region or a period without an average wage', async () => {
    const person = await fixture.person();
    const registration = fixture.registration();
    await expectRefusal(
      registration.enrolFlexible({ ...enrolment, personId: 999_999, gradePpm: 600_000 }),
      'NOT_FOUND',
      'personId',
    );
    await expectRefusal(
      registration.enrolFlexible({
        ...enrolment,
        personId: person.id,
        gradePpm: 600_000,
        regionCode: '1101',
      }),
      'VALIDATION',
      'regionCode',
    );
    await expectRefusal(
      registration.enrolFlexible({
        ...enrolment,
        personId: person.id,
        gradePpm: 600_000,
        startPeriod: '2015-01',
      }),
      'POLICY_MISSING',
      'startPeriod',
    );
  });
});
