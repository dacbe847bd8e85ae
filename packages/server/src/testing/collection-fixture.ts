import { addDays, addMonths, makeCreditCode, makeResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { fixedClock } from '../app/clock.ts';
import { createPolicyService } from '../modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../modules/regions/index.ts';

export const FIXTURE_RECORDED_AT = '2025-07-01T00:00:00.000Z';

export interface FixtureEmployee {
  wageFen: number | null;
  hiredOn?: string;
  leftOn?: string;
}

/**
 * Writes a small region straight into the tables (registration has its own tests): employers with their
 * employees and declared bases, and flexible workers. Returns the ids it created.
 */
export async function insertCollectionFixture(
  db: Kysely<Database>,
  spec: {
    regionCode: string;
    cycleStart: string;
    employers: {
      industryClass?: number;
      injuryFloatPpm?: number;
      employees: FixtureEmployee[];
      /** Months this employer has not declared (SIL Art. 62); every other month is declared. */
      undeclaredPeriods?: string[];
    }[];
    flexible?: { baseFen: number; startPeriod: string }[];
    /** The months employers have declared, unless listed as undeclared (default 2020-01 to 2027-12). */
    declaredMonths?: { from: string; to: string };
  },
): Promise<{ employerIds: number[]; personIds: number[][]; flexibleIds: number[] }> {
  await seedRegionsIfEmpty(db);
  const policy = createPolicyService(db, fixedClock(FIXTURE_RECORDED_AT));
  await policy.seedIfEmpty();
  const at = FIXTURE_RECORDED_AT;
  let sequence = (
    await db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  const nextPerson = async (category: 'employee' | 'flexible') => {
    sequence = Number(sequence) + 1;
    const birthDate = addDays('1985-03-15', Math.floor(Number(sequence) / 1000));
    const row = await db
      .insertInto('persons')
      .values({
        // A thousand sequence numbers per birth date, then the next day: every number stays unique.
        id_number: makeResidentId(spec.regionCode.slice(0, 4) + '01', birthDate, Number(sequence) % 1000),
        name: `Person ${sequence}`,
        sex: Number(sequence) % 2 ? 'male' : 'female',
        birth_date: birthDate,
        hukou_region_code: spec.regionCode,
        hukou_type: 'urban',
        category,
        region_code: spec.regionCode,
        registered_on: '2020-01-01',
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const employerIds: number[] = [];
  const personIds: number[][] = [];
  for (const [index, employer] of spec.employers.entries()) {
    const existing = await db
      .selectFrom('employers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('employers')
      .values({
        credit_code: makeCreditCode(spec.regionCode, 10_000_000 + Number(existing.n) + index),
        name: `Employer ${index + 1}`,
        region_code: spec.regionCode,
        industry_class: employer.industryClass ?? 1,
        injury_float_ppm: employer.injuryFloatPpm ?? 1_000_000,
        established_on: '2010-01-01',
        registered_on: '2010-01-05',
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    employerIds.push(id);
    const declaredMonths = spec.declaredMonths ?? { from: '2020-01', to: '2027-12' };
    const declarations = [];
    for (let period = declaredMonths.from; period <= declaredMonths.to; period = addMonths(period, 1)) {
      if (employer.undeclaredPeriods?.includes(period)) continue;
      declarations.push({ employer_id: id, period, declared_on: `${period}-01`, recorded_at: at });
    }
    if (declarations.length) await db.insertInto('declarations').values(declarations).execute();
    const ids: number[] = [];
    for (const employee of employer.employees) {
      const personId = await nextPerson('employee');
      ids.push(personId);
      await db
        .insertInto('employments')
        .values({
          person_id: personId,
          employer_id: id,
          region_code: spec.regionCode,
          hired_on: employee.hiredOn ?? '2020-01-01',
          hire_reason: 'new_hire',
          left_on: employee.leftOn ?? null,
          leave_reason: employee.leftOn ? 'resignation' : null,
          registered_on: employee.hiredOn ?? '2020-01-01',
          recorded_at: at,
        })
        .execute();
      if (employee.wageFen !== null) {
        await db
          .insertInto('contribution_bases')
          .values({
            person_id: personId,
            employer_id: id,
            region_code: spec.regionCode,
            cycle_start: spec.cycleStart,
            declared_fen: employee.wageFen,
            source: 'yearly',
            version: 1,
            declared_on: `${spec.cycleStart}-01`,
            recorded_at: at,
          })
          .execute();
      }
    }
    personIds.push(ids);
  }
  const flexibleIds: number[] = [];
  for (const worker of spec.flexible ?? []) {
    const personId = await nextPerson('flexible');
    flexibleIds.push(personId);
    await db
      .insertInto('flexible_enrolments')
      .values({
        person_id: personId,
        region_code: spec.regionCode,
        base_fen: worker.baseFen,
        grade_ppm: 1_000_000,
        payment_method: 'self',
        start_period: worker.startPeriod,
        enrolled_on: `${worker.startPeriod}-01`,
        recorded_at: at,
      })
      .execute();
  }
  return { employerIds, personIds, flexibleIds };
}
