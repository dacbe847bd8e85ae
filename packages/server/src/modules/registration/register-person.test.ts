import { makeResidentId } from '@shebao/domain';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { countRows, expectRefusal, nextIdNumber, useRegistration } from './test-fixture.ts';

describeEachDatabase('registration: persons', (getDb) => {
  const fixture = useRegistration(getDb);
  const base = {
    name: '王芳',
    hukouRegionCode: '130102',
    hukouType: 'rural' as const,
    category: 'employee' as const,
    regionCode: '110105',
  };

  it('derives sex and birth date from the identity number', async () => {
    const result = await fixture.registration().registerPerson({ ...base, idNumber: '11010519491231002x' });
    expect(result.converted).toBe(false);
    expect(result.person).toMatchObject({
      idNumber: '11010519491231002X',
      sex: 'female',
      birthDate: '1949-12-31',
      hukouType: 'rural',
      category: 'employee',
      registeredOn: '2025-06-10',
    });
    expect(await fixture.registration().findPersonByIdNumber('11010519491231002X')).toEqual(result.person);
    expect(await fixture.registration().getPerson(result.person.id)).toEqual(result.person);
  });

  it('converts a 15-digit legacy number and refuses the 18-digit form as the same person', async () => {
    const full = makeResidentId('440304', '1968-03-07', 13);
    const legacy = `${full.slice(0, 6)}${full.slice(8, 17)}`;
    const result = await fixture.registration().registerPerson({ ...base, idNumber: legacy });
    expect(result).toMatchObject({
      converted: true,
      person: { idNumber: full, birthDate: '1968-03-07', sex: 'male' },
    });
    const before = await countRows(getDb());
    const error = await expectRefusal(
      fixture.registration().registerPerson({ ...base, idNumber: full }),
      'CONFLICT',
      'idNumber',
    );
    expect(error.message).not.toContain(full);
    expect(await countRows(getDb())).toEqual(before);
    expect((await fixture.registration().findPersonByIdNumber(legacy))?.id).toBe(result.person.id);
  });

  it('refuses an invalid identity number with the validator’s reason, writing nothing', async () => {
    const before = await countRows(getDb());
    const error = await expectRefusal(
      fixture.registration().registerPerson({ ...base, idNumber: '110105194912310021' }),
      'VALIDATION',
      'idNumber',
    );
    expect(error.message).toMatch(/check character should be X/);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('checks the birth date against today from the clock', async () => {
    fixture.clock.setToday('2025-06-10');
    const tomorrow = makeResidentId('110105', '2025-06-11', 2);
    await expectRefusal(
      fixture.registration().registerPerson({ ...base, idNumber: tomorrow }),
      'VALIDATION',
      'idNumber',
    );
    fixture.clock.setToday('2025-06-11');
    const result = await fixture.registration().registerPerson({ ...base, idNumber: tomorrow });
    expect(result.person.birthDate).toBe('2025-06-11');
    fixture.clock.setToday('2025-06-10');
  });

  it('refuses bad categories and regions, naming the field', async () => {
    const idNumber = nextIdNumber();
    const registration = fixture.registration();
    await expectRefusal(
      registration.registerPerson({ ...base, idNumber, category: 'retired' as 'employee' }),
      'VALIDATION',
      'category',
    );
    await expectRefusal(
      registration.registerPerson({ ...base, idNumber, hukouType: 'city' as 'urban' }),
      'VALIDATION',
      'hukouType',
    );
    await expectRefusal(
      registration.registerPerson({ ...base, idNumber, hukouRegionCode: '990101' }),
      'VALIDATION',
      'hukouRegionCode',
    );
    await expectRefusal(
      registration.registerPerson({ ...base, idNumber, regionCode: '000000' }),
      'VALIDATION',
      'regionCode',
    );
    expect(await registration.findPersonByIdNumber(idNumber)).toBeUndefined();
    await expectRefusal(registration.getPerson(999_999), 'NOT_FOUND', 'personId');
  });
});
