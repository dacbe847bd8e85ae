import { makeCreditCode, makeResidentId } from '@shebao/domain';
import { sql, type Insertable, type Kysely } from 'kysely';
import { dialectOf, type Database } from '../src/db/index.ts';
import { loadRegistrationRows } from '../src/modules/registration/index.ts';

export interface SyntheticRegionSpec {
  regionCode: string;
  /** The month assessed; every employer has declared it and every person is active in it. */
  period: string;
  /** First month of the contribution-base cycle the yearly bases are declared for. */
  cycleStart: string;
  /** Everyone: employees plus flexible workers. */
  persons: number;
  /** Share of persons who are flexible workers, in ppm. */
  flexiblePpm: number;
  /** How employees' ids relate to their employers (see below). */
  layout: 'scattered' | 'grouped';
  /** Fixed number of employers; by default as many as the size distribution needs. */
  employers?: number;
  /** The region's average wage, for the flexible workers' base grades. */
  averageWageFen: number;
  recordedAt: string;
  seed: number;
}

export interface SyntheticRegion {
  employers: number;
  employees: number;
  flexible: number;
  largestEmployer: number;
  medianEmployer: number;
}

/** Districts of Beijing, for credit codes and identity numbers. */
const DISTRICTS = [
  '110101',
  '110102',
  '110105',
  '110106',
  '110107',
  '110108',
  '110109',
  '110111',
  '110112',
  '110113',
  '110114',
  '110115',
  '110116',
  '110117',
  '110118',
  '110119',
];
/** Other provinces' capitals, for people whose household registration is elsewhere. */
const HUKOU_ELSEWHERE = ['130100', '370100', '410100', '420100', '510100', '230100', '340100', '360100'];
/** Work-injury classes 1-8 weighted towards offices and services (class 1-3), few mines (7-8). */
const CLASS_WEIGHTS = [30, 25, 15, 10, 8, 6, 4, 2];
const INJURY_FLOATS = [1_000_000, 1_000_000, 1_000_000, 800_000, 1_200_000, 1_500_000];
const FLEXIBLE_GRADES = [600_000, 600_000, 800_000, 1_000_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000];

/** Employer size: log-normal, median about 8, mean about 25; a handful have thousands of staff. */
const SIZE_MU = Math.log(25) - 1.5 ** 2 / 2;
const SIZE_SIGMA = 1.5;
const SIZE_MAX = 20_000;
/** Declared wage: log-normal around 9,000 yuan, kept within 3,000-60,000 yuan (floor and ceiling both hit). */
const WAGE_MU = Math.log(9_000);
const WAGE_SIGMA = 0.6;

/** Persons per transaction while loading. */
const LOAD_CHUNK = 100_000;

/**
 * Writes a synthetic region straight into the registration tables with bulk inserts: employers with a
 * realistic size spread, their employees with a yearly base each, a few percent flexible workers with
 * enrolments, and a monthly declaration per employer. Identity numbers and credit codes are valid and
 * unique; the same seed gives the same region.
 */
export async function insertSyntheticRegion(
  db: Kysely<Database>,
  spec: SyntheticRegionSpec,
): Promise<SyntheticRegion> {
  const random = mulberry32(spec.seed);
  const flexible = Math.round((spec.persons * spec.flexiblePpm) / 1_000_000);
  const employees = spec.persons - flexible;
  const sizes = employerSizes(employees, spec.employers, random);
  const identity = residentIds(spec.persons);
  const at = spec.recordedAt;

  await db.transaction().execute(async (trx) => {
    const employers: Insertable<Database['employers']>[] = [];
    const declarations: Insertable<Database['declarations']>[] = [];
    sizes.forEach((_, index) => {
      const id = index + 1;
      employers.push({
        id,
        credit_code: makeCreditCode(DISTRICTS[index % DISTRICTS.length]!, 10_000_000 + index),
        name: `Employer ${id}`,
        region_code: spec.regionCode,
        industry_class: pickWeighted(CLASS_WEIGHTS, random) + 1,
        injury_float_ppm: INJURY_FLOATS[Math.floor(random() * INJURY_FLOATS.length)]!,
        established_on: randomDate(random, 1990, 2024),
        registered_on: at.slice(0, 10),
        recorded_at: at,
      });
      declarations.push({
        employer_id: id,
        period: spec.period,
        declared_on: `${spec.period}-05`,
        recorded_at: at,
      });
    });
    await loadRegistrationRows(trx, 'employers', employers);
    await loadRegistrationRows(trx, 'declarations', declarations);
  });

  // Persons 1..employees are employees, the rest flexible workers. Grouped: each employer's staff have
  // consecutive ids (as if all registered on one day). Scattered: staff are spread over the whole id range,
  // as in a region registered over decades, so reading an employer's staff touches pages all over.
  const employerOf = new Int32Array(employees);
  let filled = 0;
  sizes.forEach((size, index) => employerOf.fill(index + 1, filled, (filled += size)));
  const declaredFen = new Int32Array(employees);
  if (spec.layout === 'scattered') {
    for (let index = employees - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [employerOf[index], employerOf[other]] = [employerOf[other]!, employerOf[index]!];
    }
  }

  for (let start = 0; start < spec.persons; start += LOAD_CHUNK) {
    const end = Math.min(spec.persons, start + LOAD_CHUNK);
    const persons: Insertable<Database['persons']>[] = [];
    const employments: Insertable<Database['employments']>[] = [];
    const enrolments: Insertable<Database['flexible_enrolments']>[] = [];
    for (let index = start; index < end; index += 1) {
      const id = index + 1;
      const { idNumber, birthDate, male } = identity(index);
      const local = random() < 0.7;
      const category = index < employees ? 'employee' : 'flexible';
      persons.push({
        id,
        id_number: idNumber,
        name: `Person ${id}`,
        sex: male ? 'male' : 'female',
        birth_date: birthDate,
        hukou_region_code: local ? idNumber.slice(0, 6) : HUKOU_ELSEWHERE[id % HUKOU_ELSEWHERE.length]!,
        hukou_type: random() < 0.8 ? 'urban' : 'rural',
        category,
        region_code: spec.regionCode,
        registered_on: '2015-01-01',
        recorded_at: at,
      });
      if (category === 'employee') {
        const employerId = employerOf[index]!;
        const hiredOn = randomDate(random, 2005, 2024);
        employments.push({
          person_id: id,
          employer_id: employerId,
          region_code: spec.regionCode,
          hired_on: hiredOn,
          hire_reason: 'new_hire',
          registered_on: hiredOn,
          recorded_at: at,
        });
        declaredFen[index] = declaredWageFen(random);
      } else {
        const grade = FLEXIBLE_GRADES[Math.floor(random() * FLEXIBLE_GRADES.length)]!;
        const startYear = 2018 + Math.floor(random() * 7);
        enrolments.push({
          person_id: id,
          region_code: spec.regionCode,
          base_fen: Math.round((spec.averageWageFen * grade) / 1_000_000),
          grade_ppm: grade,
          payment_method: random() < 0.7 ? 'withholding' : 'self',
          start_period: `${startYear}-01`,
          enrolled_on: `${startYear}-01-01`,
          recorded_at: at,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await loadRegistrationRows(trx, 'persons', persons);
      await loadRegistrationRows(trx, 'employments', employments);
      await loadRegistrationRows(trx, 'flexible_enrolments', enrolments);
    });
  }

  // Yearly bases are declared by each employer for all its staff at once, so they are stored by employer.
  const byEmployer = Array.from({ length: employees }, (_, index) => index).sort(
    (a, b) => employerOf[a]! - employerOf[b]! || a - b,
  );
  for (let start = 0; start < employees; start += LOAD_CHUNK) {
    const bases = byEmployer
      .slice(start, start + LOAD_CHUNK)
      .map((index): Insertable<Database['contribution_bases']> => ({
        person_id: index + 1,
        employer_id: employerOf[index]!,
        region_code: spec.regionCode,
        cycle_start: spec.cycleStart,
        declared_fen: declaredFen[index]!,
        source: 'yearly',
        version: 1,
        declared_on: `${spec.cycleStart}-01`,
        recorded_at: at,
      }));
    await db.transaction().execute(async (trx) => {
      await loadRegistrationRows(trx, 'contribution_bases', bases);
    });
  }

  if (dialectOf(db) === 'postgres') {
    // Ids were given explicitly; move the identity sequences past them for whatever inserts next.
    for (const table of ['employers', 'persons'] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      );
    }
  }
  const sorted = [...sizes].sort((a, b) => a - b);
  return {
    employers: sizes.length,
    employees,
    flexible,
    largestEmployer: sorted[sorted.length - 1] ?? 0,
    medianEmployer: sorted[Math.floor(sorted.length / 2)] ?? 0,
  };
}

/** Employer sizes adding up to `employees`: drawn until they cover it, or `count` of them scaled to it. */
function employerSizes(employees: number, count: number | undefined, random: () => number): number[] {
  const draw = () =>
    Math.min(SIZE_MAX, Math.max(1, Math.round(Math.exp(SIZE_MU + SIZE_SIGMA * gaussian(random)))));
  if (count === undefined) {
    const sizes: number[] = [];
    let left = employees;
    while (left > 0) {
      const size = Math.min(left, draw());
      sizes.push(size);
      left -= size;
    }
    return sizes;
  }
  if (count < 1 || count > employees) throw new RangeError(`--employers must be between 1 and ${employees}`);
  const weights = Array.from({ length: count }, draw);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Everyone gets at least one employee; the rest is shared in proportion, remainders to the first ones.
  const spare = employees - count;
  const sizes = weights.map((weight) => 1 + Math.floor((spare * weight) / total));
  let left = employees - sizes.reduce((sum, size) => sum + size, 0);
  for (let index = 0; left > 0; index = (index + 1) % count, left -= 1) sizes[index]! += 1;
  return sizes;
}

/**
 * Unique valid identity numbers: person i maps through a fixed permutation to a (birth date, sequence)
 * pair, birth dates spread over 1965-2004 and sequences 0-999, so no two persons share a number.
 */
function residentIds(
  persons: number,
): (index: number) => { idNumber: string; birthDate: string; male: boolean } {
  const first = Date.UTC(1965, 0, 1);
  const days = Math.round((Date.UTC(2005, 0, 1) - first) / 86_400_000);
  const space = days * 1000;
  if (persons > space) throw new RangeError(`at most ${space} persons`);
  const dates = Array.from({ length: days }, (_, day) =>
    new Date(first + day * 86_400_000).toISOString().slice(0, 10),
  );
  const step = 7_919_993; // coprime to the space, so i -> i * step mod space is a permutation
  if (gcd(step, space) !== 1) throw new Error('identity permutation step is not coprime to the space');
  return (index) => {
    const slot = Number((BigInt(index) * BigInt(step)) % BigInt(space));
    const day = slot % days;
    const sequence = Math.floor(slot / days);
    const birthDate = dates[day]!;
    return {
      idNumber: makeResidentId(DISTRICTS[slot % DISTRICTS.length]!, birthDate, sequence),
      birthDate,
      male: sequence % 2 === 1,
    };
  };
}

function declaredWageFen(random: () => number): number {
  const yuan = Math.exp(WAGE_MU + WAGE_SIGMA * gaussian(random));
  return Math.round(Math.min(60_000, Math.max(3_000, yuan))) * 100;
}

function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(random() * ((to - from) / 86_400_000 + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function pickWeighted(weights: readonly number[], random: () => number): number {
  let pick = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [index, weight] of weights.entries()) {
    pick -= weight;
    if (pick < 0) return index;
  }
  return weights.length - 1;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A small seeded generator, so a run can be repeated with the same data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
