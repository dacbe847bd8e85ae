import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { countRows, expectRefusal, nextCreditCode, useRegistration } from './test-fixture.ts';

describeEachDatabase('registration: hires and leaves', (getDb) => {
  const fixture = useRegistration(getDb);

  it('hires by credit code and identity number, on time within 30 days (Art. 58)', async () => {
    fixture.clock.setToday('2025-06-10');
    const employer = await fixture.employer();
    const person = await fixture.person({ category: 'resident' });
    const result = await fixture.registration().hire({
      creditCode: employer.creditCode,
      idNumber: person.idNumber,
      hiredOn: '2025-05-20',
    });
    expect(result.employment).toMatchObject({
      personId: person.id,
      employerId: employer.id,
      regionCode: '110105',
      hiredOn: '2025-05-20',
      hireReason: 'new_hire',
      leftOn: null,
      registeredOn: '2025-06-10',
    });
    expect(result.registration).toMatchObject({ deadline: '2025-06-19', late: false, daysLate: 0 });
    expect(result.base).toBeNull();
    // The person is insured as an employee from now on.
    expect((await fixture.registration().getPerson(person.id)).category).toBe('employee');
    expect(await fixture.registration().listEmployments(employer.id)).toEqual([result.employment]);
    expect(await fixture.registration().listEmployments(employer.id, { activeOn: '2025-05-19' })).toEqual([]);
  });

  it('flags an employee registered more than 30 days after hiring, with the days late', async () => {
    fixture.clock.setToday('2025-06-10');
    const employer = await fixture.employer();
    const person = await fixture.person();
    const result = await fixture.registration().hire({
      employerId: employer.id,
      personId: person.id,
      hiredOn: '2025-04-01',
      reason: 'transfer_in',
    });
    expect(result.registration).toMatchObject({ deadline: '2025-05-01', late: true, daysLate: 40 });
    expect(result.employment.hireReason).toBe('transfer_in');
  });

  it("records a new hire's first-month wage as the base for the cycle containing the hire month", async () => {
    const beijing = await fixture.employer();
    const person = await fixture.person();
    const result = await fixture.registration().hire({
      employerId: beijing.id,
      personId: person.id,
      hiredOn: '2025-03-03',
      monthlyWageFen: 1_200_000,
    });
    // Beijing's contribution year runs July to June.
    expect(result.base).toMatchObject({
      personId: person.id,
      employerId: beijing.id,
      cycleStart: '2024-07',
      declaredFen: 1_200_000,
      source: 'new_hire',
      version: 1,
      declaredOn: '2025-06-10',
    });
    // Sichuan's is the calendar year (the national default).
    const chengdu = await fixture.employer({ creditCode: nextCreditCode('510104'), regionCode: '510104' });
    const other = await fixture.person();
    const second = await fixture.registration().hire({
      employerId: chengdu.id,
      personId: other.id,
      hiredOn: '2025-03-03',
      monthlyWageFen: 800_000,
    });
    expect(second.base).toMatchObject({ cycleStart: '2025-01', regionCode: '510104' });
  });

  it('refuses an unknown employer or person with NOT_FOUND naming the field, writing nothing', async () => {
    const employer = await fixture.employer();
    const person = await fixture.person();
    const before = await countRows(getDb());
    const registration = fixture.registration();
    const hiredOn = '2025-05-01';
    await expectRefusal(
      registration.hire({ creditCode: nextCreditCode(), personId: person.id, hiredOn }),
      'NOT_FOUND',
      'creditCode',
    );
    await expectRefusal(
      registration.hire({ employerId: 999_999, personId: person.id, hiredOn }),
      'NOT_FOUND',
      'employerId',
    );
    await expectRefusal(
      registration.hire({ employerId: employer.id, personId: 999_999, hiredOn }),
      'NOT_FOUND',
      'personId',
    );
    await expectRefusal(
      registration.hire({ employerId: employer.id, idNumber: '11010519491231002X', hiredOn }),
      'NOT_FOUND',
      'idNumber',
    );
    await expectRefusal(registration.hire({ personId: person.id, hiredOn }), 'VALIDATION', 'employerId');
    await expectRefusal(
      registration.hire({ employerId: employer.id, personId: person.id, hiredOn: '2019-12-31' }),
      'VALIDATION',
      'hiredOn',
    );
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses an overlapping employment at the same employer and allows one elsewhere', async () => {
    const employer = await fixture.employer();
    const elsewhere = await fixture.employer();
    const person = await fixture.person();
    const registration = fixture.registration();
    await registration.hire({ employerId: employer.id, personId: person.id, hiredOn: '2025-01-01' });
    const before = await countRows(getDb());
    const error = await expectRefusal(
      registration.hire({
        employerId: employer.id,
        personId: person.id,
        hiredOn: '2025-03-01',
        monthlyWageFen: 900_000,
      }),
      'CONFLICT',
      'hiredOn',
    );
    expect(error.message).toContain('2025-01-01');
    expect(await countRows(getDb())).toEqual(before);
    // A second, concurrent job with another employer is allowed (each pays its part).
    await registration.hire({ employerId: elsewhere.id, personId: person.id, hiredOn: '2025-03-01' });
  });

  it('leaves, refuses leaving twice and before the hire date, and rehires after leaving', async () => {
    const employer = await fixture.employer();
    const person = await fixture.person();
    const registration = fixture.registration();
    const { employment } = await registration.hire({
      employerId: employer.id,
      personId: person.id,
      hiredOn: '2025-02-10',
    });

    await expectRefusal(
      registration.leave({ employmentId: employment.id, leftOn: '2025-02-09', reason: 'resignation' }),
      'VALIDATION',
      'leftOn',
    );
    await expectRefusal(
      registration.leave({
        employmentId: employment.id,
        leftOn: '2025-04-30',
        reason: 'retired' as 'retirement',
      }),
      'VALIDATION',
      'reason',
    );
    const left = await registration.leave({
      creditCode: employer.creditCode,
      idNumber: person.idNumber,
      leftOn: '2025-04-30',
      reason: 'resignation',
    });
    expect(left).toMatchObject({ id: employment.id, leftOn: '2025-04-30', leaveReason: 'resignation' });

    const before = await countRows(getDb());
    await expectRefusal(
      registration.leave({ employmentId: employment.id, leftOn: '2025-05-31', reason: 'dismissal' }),
      'CONFLICT',
      'employmentId',
    );
    await expectRefusal(
      registration.leave({
        employerId: employer.id,
        personId: person.id,
        leftOn: '2025-05-31',
        reason: 'dismissal',
      }),
      'CONFLICT',
      'personId',
    );
    // Rehiring on the last day employed would overlap; the day after does not.
    await expectRefusal(
      registration.hire({ employerId: employer.id, personId: person.id, hiredOn: '2025-04-30' }),
      'CONFLICT',
      'hiredOn',
    );
    expect(await countRows(getDb())).toEqual(before);
    expect((await registration.listPersonEmployments(person.id))[0]?.leftOn).toBe('2025-04-30');
    await registration.hire({ employerId: employer.id, personId: person.id, hiredOn: '2025-05-01' });
    expect(await registration.listPersonEmployments(person.id)).toHaveLength(2);
  });

  it('refuses to end an employment that does not exist', async () => {
    const employer = await fixture.employer();
    const person = await fixture.person();
    const registration = fixture.registration();
    await expectRefusal(
      registration.leave({ employmentId: 999_999, leftOn: '2025-05-31', reason: 'resignation' }),
      'NOT_FOUND',
      'employmentId',
    );
    await expectRefusal(
      registration.leave({
        employerId: employer.id,
        personId: person.id,
        leftOn: '2025-05-31',
        reason: 'resignation',
      }),
      'NOT_FOUND',
      'personId',
    );
  });

  it('refuses to hire a person enrolled as a flexible worker for the hire month', async () => {
    const employer = await fixture.employer();
    const person = await fixture.person({ category: 'flexible' });
    const registration = fixture.registration();
    await registration.enrolFlexible({
      personId: person.id,
      regionCode: '110105',
      gradePpm: 600_000,
      paymentMethod: 'self',
      startPeriod: '2025-01',
    });
    const before = await countRows(getDb());
    await expectRefusal(
      registration.hire({ employerId: employer.id, personId: person.id, hiredOn: '2025-05-06' }),
      'RULE_VIOLATION',
      'personId',
    );
    expect(await countRows(getDb())).toEqual(before);
    await registration.stopFlexible({ personId: person.id, endPeriod: '2025-04' });
    await registration.hire({ employerId: employer.id, personId: person.id, hiredOn: '2025-05-06' });
    expect((await registration.getPerson(person.id)).category).toBe('employee');
  });
});
