import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { countRows, expectRefusal, nextCreditCode, useRegistration } from './test-fixture.ts';

describeEachDatabase('registration: monthly declarations', (getDb) => {
  const fixture = useRegistration(getDb);

  it('declares a month once; declaring again is a no-op returning the first', async () => {
    const employer = await fixture.employer();
    const registration = fixture.registration();
    fixture.clock.setToday('2025-06-10');
    const first = await registration.declareMonth({ creditCode: employer.creditCode, period: '2025-06' });
    expect(first).toEqual({
      created: true,
      declaration: {
        employerId: employer.id,
        period: '2025-06',
        declaredOn: '2025-06-10',
        recordedAt: expect.any(String),
      },
    });
    fixture.clock.setToday('2025-06-12');
    const before = await countRows(getDb());
    const again = await registration.declareMonth({ employerId: employer.id, period: '2025-06' });
    expect(again).toEqual({ created: false, declaration: first.declaration });
    expect(await countRows(getDb())).toEqual(before);
    expect(await registration.getDeclaration(employer.id, '2025-06')).toEqual(first.declaration);
    fixture.clock.setToday('2025-06-10');
  });

  it('refuses an unknown employer and a month before establishment', async () => {
    const employer = await fixture.employer({ establishedOn: '2025-03-20' });
    const registration = fixture.registration();
    await expectRefusal(
      registration.declareMonth({ creditCode: nextCreditCode(), period: '2025-06' }),
      'NOT_FOUND',
      'creditCode',
    );
    await expectRefusal(
      registration.declareMonth({ employerId: employer.id, period: '2025-02' }),
      'VALIDATION',
      'period',
    );
    await expectRefusal(
      registration.declareMonth({ employerId: employer.id, period: '2025-13' }),
      'VALIDATION',
      'period',
    );
    expect((await registration.declareMonth({ employerId: employer.id, period: '2025-03' })).created).toBe(
      true,
    );
  });

  it('declares for every employer of a region without a declaration, in one statement, idempotently', async () => {
    const registration = fixture.registration();
    const code = (region: string) => ({ creditCode: nextCreditCode(region), regionCode: region });
    const a = await fixture.employer(code('440305'));
    const b = await fixture.employer(code('440306'));
    const c = await fixture.employer(code('440300'));
    const young = await fixture.employer({ ...code('440305'), establishedOn: '2025-06-01' });
    const guangzhou = await fixture.employer(code('440103'));
    await registration.declareMonth({ employerId: a.id, period: '2025-05' });

    expect(await registration.declareMonthForRegion('440300', '2025-05')).toEqual({ declared: 2 });
    for (const employer of [a, b, c])
      expect(await registration.getDeclaration(employer.id, '2025-05')).toBeDefined();
    // Established after the month, or in another prefecture: not declared.
    expect(await registration.getDeclaration(young.id, '2025-05')).toBeUndefined();
    expect(await registration.getDeclaration(guangzhou.id, '2025-05')).toBeUndefined();
    expect(await registration.declareMonthForRegion('440300', '2025-05')).toEqual({ declared: 0 });
    // The province covers its prefectures.
    expect(await registration.declareMonthForRegion('440000', '2025-06')).toEqual({ declared: 5 });
    await expectRefusal(registration.declareMonthForRegion('000000', '2025-06'), 'VALIDATION', 'regionCode');
    await expectRefusal(registration.declareMonthForRegion('440300', '2025-6'), 'VALIDATION', 'period');
  });
});
