import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { createPolicyService } from '../policy/index.ts';
import type { Person } from './records.ts';
import { createRegistrationService } from './registration.service.ts';
import { countRows, expectRefusal, nextCreditCode, nextIdNumber, useRegistration } from './test-fixture.ts';

describeEachDatabase('registration: contribution bases', (getDb) => {
  const fixture = useRegistration(getDb);

  async function employee(hiredOn = '2024-03-01') {
    const employer = await fixture.employer();
    const person = await fixture.person();
    await fixture.registration().hire({ employerId: employer.id, personId: person.id, hiredOn });
    return { employer, person };
  }

  it("declares a yearly base for the region's cycle; a new declaration is a new version", async () => {
    const { employer, person } = await employee();
    const registration = fixture.registration();
    const first = await registration.declareBase({
      creditCode: employer.creditCode,
      idNumber: person.idNumber,
      period: '2025-09',
      declaredFen: 1_500_000,
    });
    // Beijing: July to June, so September 2025 lies in the year from 2025-07.
    expect(first).toMatchObject({
      cycleStart: '2025-07',
      version: 1,
      source: 'yearly',
      declaredFen: 1_500_000,
    });
    const corrected = await registration.declareBase({
      employerId: employer.id,
      personId: person.id,
      cycleStart: '2025-07',
      declaredFen: 1_450_000,
      source: 'correction',
    });
    expect(corrected).toMatchObject({ cycleStart: '2025-07', version: 2, source: 'correction' });
    expect(await registration.listBaseVersions(person.id, employer.id, '2025-07')).toEqual([
      first,
      corrected,
    ]);
    expect(await registration.listLatestBases(employer.id, '2025-07')).toEqual([corrected]);
  });

  it('uses the calendar year where the region says so', async () => {
    const employer = await fixture.employer({ creditCode: nextCreditCode('510104'), regionCode: '510104' });
    const person = await fixture.person();
    await fixture
      .registration()
      .hire({ employerId: employer.id, personId: person.id, hiredOn: '2024-03-01' });
    const base = await fixture.registration().declareBase({
      employerId: employer.id,
      personId: person.id,
      period: '2025-09',
      declaredFen: 700_000,
    });
    expect(base.cycleStart).toBe('2025-01');
  });

  it('refuses a cycle start that is not the first month of a contribution year', async () => {
    const { employer, person } = await employee();
    const error = await expectRefusal(
      fixture.registration().declareBase({
        employerId: employer.id,
        personId: person.id,
        cycleStart: '2025-01',
        declaredFen: 1_000_000,
      }),
      'VALIDATION',
      'cycleStart',
    );
    expect(error.message).toContain('2024-07 to 2025-06');
  });

  it('refuses a base for a year in which the person was not employed there', async () => {
    const { employer, person } = await employee('2025-08-01');
    const registration = fixture.registration();
    const stranger = await fixture.employer();
    const before = await countRows(getDb());
    await expectRefusal(
      registration.declareBase({
        employerId: employer.id,
        personId: person.id,
        cycleStart: '2024-07',
        declaredFen: 1_000_000,
      }),
      'RULE_VIOLATION',
      'personId',
    );
    await expectRefusal(
      registration.declareBase({
        employerId: stranger.id,
        idNumber: person.idNumber,
        period: '2025-09',
        declaredFen: 1_000_000,
      }),
      'RULE_VIOLATION',
      'idNumber',
    );
    await expectRefusal(
      registration.declareBase({
        employerId: employer.id,
        personId: person.id,
        period: '2025-09',
        declaredFen: 0,
      }),
      'VALIDATION',
      'declaredFen',
    );
    await expectRefusal(
      registration.declareBase({
        employerId: employer.id,
        personId: 999_999,
        period: '2025-09',
        declaredFen: 1,
      }),
      'NOT_FOUND',
      'personId',
    );
    expect(await countRows(getDb())).toEqual(before);
    // The employment from August 2025 lies in the year from July 2025.
    await registration.declareBase({
      employerId: employer.id,
      personId: person.id,
      cycleStart: '2025-07',
      declaredFen: 1,
    });
  });

  it('declares a whole file in one go, with versions counting on from the stored ones', async () => {
    const employer = await fixture.employer();
    const people: Person[] = [];
    for (let i = 0; i < 5; i++) {
      const person = await fixture.person();
      await fixture
        .registration()
        .hire({ employerId: employer.id, personId: person.id, hiredOn: '2023-01-01' });
      people.push(person);
    }
    await fixture.registration().declareBase({
      employerId: employer.id,
      personId: people[0]!.id,
      cycleStart: '2025-07',
      declaredFen: 1_000_000,
    });
    const rows = people.map((person, index) => ({
      creditCode: employer.creditCode,
      idNumber: person.idNumber,
      cycleStart: '2025-07',
      declaredFen: 1_000_000 + index * 100_000,
    }));
    const before = await countRows(getDb());
    expect(await fixture.registration().declareBases(rows, { dryRun: true })).toEqual({
      ok: true,
      declared: 5,
    });
    expect(await countRows(getDb())).toEqual(before);
    expect(await fixture.registration().declareBases(rows)).toEqual({ ok: true, declared: 5 });
    const latest = await fixture.registration().listLatestBases(employer.id, '2025-07');
    expect(latest.map((base) => [base.personId, base.version, base.declaredFen])).toEqual(
      people.map((person, index) => [person.id, index === 0 ? 2 : 1, 1_000_000 + index * 100_000]),
    );
  });

  it('applies nothing when one row of a file is bad, and reports every bad row with its field', async () => {
    const { employer, person } = await employee();
    const second = await fixture.person();
    await fixture
      .registration()
      .hire({ employerId: employer.id, personId: second.id, hiredOn: '2024-01-01' });
    const before = await countRows(getDb());
    const good = { creditCode: employer.creditCode, cycleStart: '2025-07', declaredFen: 1_000_000 };
    const result = await fixture.registration().declareBases([
      { ...good, idNumber: person.idNumber },
      { ...good, idNumber: nextIdNumber() },
      { ...good, idNumber: second.idNumber, declaredFen: -5 },
      { ...good, idNumber: second.idNumber },
      { ...good, idNumber: person.idNumber.toLowerCase(), declaredFen: 1_100_000 },
      { ...good, creditCode: nextCreditCode(), idNumber: second.idNumber },
      { ...good, idNumber: second.idNumber, cycleStart: '2025-08' },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: 'idNumber' },
      { row: 3, field: 'declaredFen' },
      { row: 5, field: 'idNumber' },
      { row: 6, field: 'creditCode' },
      { row: 7, field: 'cycleStart' },
    ]);
    expect(!result.ok && result.errors[2]?.reason).toMatch(/row 1 already declares/);
    expect(await countRows(getDb())).toEqual(before);
  });

  it('looks rows up set-based: the number of queries does not grow with the file', async () => {
    const employer = await fixture.employer();
    const people: Person[] = [];
    for (let i = 0; i < 30; i++) {
      const person = await fixture.person();
      await fixture
        .registration()
        .hire({ employerId: employer.id, personId: person.id, hiredOn: '2023-01-01' });
      people.push(person);
    }
    let queries = 0;
    const counted = getDb().withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const policy = createPolicyService(counted, fixture.clock);
    const registration = createRegistrationService(counted, fixture.clock, policy);
    await policy.loadBook();
    const run = async (count: number, cycleStart: string) => {
      queries = 0;
      const rows = people.slice(0, count).map((person) => ({
        employerId: employer.id,
        idNumber: person.idNumber,
        cycleStart,
        declaredFen: 900_000,
      }));
      expect(await registration.declareBases(rows)).toEqual({ ok: true, declared: count });
      return queries;
    };
    expect(await run(30, '2024-07')).toBe(await run(3, '2023-07'));
  });

  it('takes an empty file as nothing to do', async () => {
    expect(await fixture.registration().declareBases([])).toEqual({ ok: true, declared: 0 });
  });
});
