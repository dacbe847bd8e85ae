import { makeResidentId } from '@shebao/domain';
import { expect, it } from 'vitest';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { describePayers, payerKeysInRegion, resolvePayer } from './index.ts';

/** Who pays, found from a code (resolvePayer) or named for a list (describePayers), from registration's rows. */
describeEachDatabase('payers', (getDb) => {
  let fixture: Awaited<ReturnType<typeof insertCollectionFixture>>;
  const codes = { employer: '', person: '' };

  it('finds an employer by credit code and a flexible worker by identity number', async () => {
    const db = getDb();
    fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
      flexible: [{ baseFen: 1_193_700, startPeriod: '2025-07' }],
    });
    const employerId = fixture.employerIds[0]!;
    const personId = fixture.flexibleIds[0]!;
    const employer = await db
      .selectFrom('employers')
      .select('credit_code')
      .where('id', '=', employerId)
      .executeTakeFirstOrThrow();
    const person = await db
      .selectFrom('persons')
      .select('id_number')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    codes.employer = employer.credit_code;
    codes.person = person.id_number;
    expect(await resolvePayer(db, ` ${codes.employer.toLowerCase()} `)).toMatchObject({
      payerKey: `E${employerId}`,
      kind: 'employer',
      id: employerId,
      regionCode: '110105',
    });
    expect(await resolvePayer(db, codes.person)).toMatchObject({
      payerKey: `P${personId}`,
      kind: 'person',
      id: personId,
    });
  });

  it('refuses a code nobody is registered under, and one that is neither kind, naming the field', async () => {
    const db = getDb();
    const stranger = makeResidentId('110105', '1970-01-01', 999);
    await expect(resolvePayer(db, stranger, 'payerCode')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'payerCode',
    });
    await expect(resolvePayer(db, 'nonsense', 'payerCode')).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'payerCode',
    });
  });

  it('names a page of payers, the identity number masked, and lists the payer keys of a region', async () => {
    const db = getDb();
    const employerKey = `E${fixture.employerIds[0]}`;
    const personKey = `P${fixture.flexibleIds[0]}`;
    const named = await describePayers(db, [employerKey, personKey, 'P0', 'X1']);
    expect([...named.keys()].sort()).toEqual([employerKey, personKey].sort());
    expect(named.get(employerKey)).toMatchObject({ kind: 'employer', code: codes.employer });
    expect(named.get(personKey)!.code).not.toBe(codes.person);
    expect(named.get(personKey)!.code).toMatch(/\*/);
    const keys = (await payerKeysInRegion(db, '1101').execute()).map((row) => row.payer_key);
    expect(keys).toEqual(expect.arrayContaining([employerKey, personKey]));
    expect(await payerKeysInRegion(db, '3101').execute()).toEqual([]);
  });
});
