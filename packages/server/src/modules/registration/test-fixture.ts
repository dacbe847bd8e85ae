import { addDays, makeCreditCode, makeResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { beforeAll, expect } from 'vitest';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { seedRegionsIfEmpty } from '../regions/index.ts';
import type { RegisterEmployerInput, RegisterPersonInput } from './registration.schemas.ts';
import { createRegistrationService, type RegistrationService } from './registration.service.ts';

/** Test support for the registration suites (not a test file itself). */

export interface SettableClock extends Clock {
  /** Sets "now" to noon in China on a business date. */
  setToday(date: string): void;
  setInstant(iso: string): void;
}

export function settableClock(date: string): SettableClock {
  let instant = new Date(`${date}T04:00:00Z`);
  return {
    now: () => new Date(instant),
    setToday(next) {
      instant = new Date(`${next}T04:00:00Z`);
    },
    setInstant(iso) {
      instant = new Date(iso);
    },
  };
}

let serial = 0;

/** A fresh, valid credit code for a region (Beijing by default). */
export function nextCreditCode(regionCode = '110105'): string {
  return makeCreditCode(regionCode, 10_000 + ++serial);
}

/** A fresh, valid identity number of a man; a new birth date each time unless one is given. */
export function nextIdNumber(birthDate?: string, regionCode = '110105'): string {
  serial += 1;
  return makeResidentId(regionCode, birthDate ?? addDays('1970-01-01', serial), (serial % 499) * 2 + 1);
}

/**
 * Inside describeEachDatabase: loads regions and the seed parameters into the suite's database and
 * builds the service over a clock the tests can move. Today starts at 2025-06-10.
 */
export function useRegistration(getDb: () => Kysely<Database>) {
  const clock = settableClock('2025-06-10');
  let service: RegistrationService | undefined;
  beforeAll(async () => {
    const db = getDb();
    await seedRegionsIfEmpty(db);
    const policy = createPolicyService(db, clock);
    await policy.seedIfEmpty();
    service = createRegistrationService(db, clock, policy);
  });
  const registration = () => service!;
  return {
    clock,
    registration,
    async employer(overrides: Partial<RegisterEmployerInput> = {}) {
      const result = await registration().registerEmployer({
        creditCode: nextCreditCode(),
        name: 'Beijing Example Software Co., Ltd.',
        regionCode: '110105',
        industryClass: 1,
        establishedOn: '2020-01-15',
        ...overrides,
      });
      return result.employer;
    },
    async person(overrides: Partial<RegisterPersonInput> = {}) {
      const result = await registration().registerPerson({
        idNumber: nextIdNumber(),
        name: '张三',
        hukouRegionCode: '110105',
        hukouType: 'urban',
        category: 'employee',
        regionCode: '110105',
        ...overrides,
      });
      return result.person;
    },
  };
}

/** How many rows each registration table holds, to prove that a refused request wrote nothing. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'employers',
    'persons',
    'employments',
    'contribution_bases',
    'flexible_enrolments',
    'declarations',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** Runs a request expected to be refused and returns the AppError, checking code and field. */
export async function expectRefusal(
  work: Promise<unknown>,
  code: AppError['code'],
  field: string,
): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, field });
  return error as AppError;
}
