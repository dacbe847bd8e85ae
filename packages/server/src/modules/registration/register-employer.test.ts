import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { countRows, expectRefusal, nextCreditCode, useRegistration } from './test-fixture.ts';

describeEachDatabase('registration: employers', (getDb) => {
  const fixture = useRegistration(getDb);
  const base = {
    name: 'Chaoyang Trading Co., Ltd.',
    regionCode: '110105',
    industryClass: 2,
    establishedOn: '2025-05-20',
  };

  it('registers an employer today, on time within 30 days of establishment (Art. 57)', async () => {
    fixture.clock.setToday('2025-06-10');
    const creditCode = nextCreditCode();
    const result = await fixture.registration().registerEmployer({
      ...base,
      creditCode: ` ${creditCode.toLowerCase()} `,
      bankAccount: '6222000000000001',
      contactName: '李四',
      contactPhone: '010-12345678',
    });
    expect(result.employer).toMatchObject({
      creditCode,
      industryClass: 2,
      injuryFloatPpm: 1_000_000,
      registeredOn: '2025-06-10',
      contactName: '李四',
    });
    expect(result.registration).toMatchObject({ deadline: '2025-06-19', late: false, daysLate: 0 });
    expect(await fixture.registration().findEmployerByCreditCode(creditCode)).toEqual(result.employer);
    expect(await fixture.registration().getEmployer(result.employer.id)).toEqual(result.employer);
  });

  it('flags a registration more than 30 days after establishment with the days late', async () => {
    fixture.clock.setToday('2025-06-10');
    const result = await fixture.registration().registerEmployer({
      ...base,
      creditCode: nextCreditCode(),
      establishedOn: '2025-04-01',
    });
    expect(result.registration).toMatchObject({ deadline: '2025-05-01', late: true, daysLate: 40 });
  });

  it('takes the business date in China time from the clock', async () => {
    fixture.clock.setToday('2025-06-10');
    fixture.clock.setInstant('2025-06-10T16:30:00Z'); // 00:30 on 11 June in Beijing
    const result = await fixture.registration().registerEmployer({ ...base, creditCode: nextCreditCode() });
    expect(result.employer.registeredOn).toBe('2025-06-11');
    fixture.clock.setToday('2025-06-10');
  });

  it('refuses an invalid credit code with the validator’s reason, writing nothing', async () => {
    const before = await countRows(getDb());
    const good = nextCreditCode();
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const error = await expectRefusal(
      fixture.registration().registerEmployer({ ...base, creditCode: bad }),
      'VALIDATION',
      'creditCode',
    );
    expect(error.message).toMatch(/check character should be/);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses the same credit code twice with CONFLICT naming the field', async () => {
    const creditCode = nextCreditCode();
    await fixture.registration().registerEmployer({ ...base, creditCode });
    const before = await countRows(getDb());
    await expectRefusal(
      fixture.registration().registerEmployer({ ...base, creditCode, name: 'Another name' }),
      'CONFLICT',
      'creditCode',
    );
    expect(await countRows(getDb())).toEqual(before);
  });

  it('refuses bad fields, naming each', async () => {
    const registration = fixture.registration();
    const creditCode = nextCreditCode();
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, industryClass: 9 }),
      'VALIDATION',
      'industryClass',
    );
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, regionCode: '449900' }),
      'VALIDATION',
      'regionCode',
    );
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, establishedOn: '2025-02-30' }),
      'VALIDATION',
      'establishedOn',
    );
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, establishedOn: '2025-06-11' }),
      'VALIDATION',
      'establishedOn',
    );
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, name: '  ' }),
      'VALIDATION',
      'name',
    );
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, injuryFloatPpm: 2_000_000 }),
      'VALIDATION',
      'injuryFloatPpm',
    );
    // Class 1 may float up only (RSB-2015-71).
    await expectRefusal(
      registration.registerEmployer({ ...base, creditCode, industryClass: 1, injuryFloatPpm: 800_000 }),
      'RULE_VIOLATION',
      'injuryFloatPpm',
    );
    expect(await registration.findEmployerByCreditCode(creditCode)).toBeUndefined();
  });

  it('lists the employers of a region and the regions inside it', async () => {
    const inShenzhen = await fixture.employer({ creditCode: nextCreditCode('440305'), regionCode: '440305' });
    const listed = await fixture.registration().listEmployers('440300');
    expect(listed.map((employer) => employer.id)).toContain(inShenzhen.id);
    expect(listed.every((employer) => employer.regionCode.startsWith('4403'))).toBe(true);
    await expectRefusal(fixture.registration().getEmployer(999_999), 'NOT_FOUND', 'employerId');
  });
});
