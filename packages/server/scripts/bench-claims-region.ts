import {
  addDays,
  makeCreditCode,
  makeResidentId,
  postPersonalAccountCredit,
  postResidentPremium,
  postRetireeAccountCredit,
  residentWaitingPeriod,
  type ClaimKind,
  type MedicalPersonType,
  type Posting,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import { insertRows, insertRowsReturningIds } from '../src/db/bulk-insert.ts';
import type { Database } from '../src/db/index.ts';
import { insertMedicalAccountEntries, type MedicalAccountEntry } from '../src/modules/accounts/index.ts';
import { insertPostings } from '../src/modules/ledger/index.ts';
import type { ClaimInput, ClaimSubmission } from '../src/modules/medical/index.ts';
import { mulberry32 } from './bench-synthetic-region.ts';

/*
 * The medical claims benchmark's synthetic Nanchang (bench-claims.ts): insured persons, designated
 * institutions and the claims they send, all written straight into the tables by the bulk writer (no
 * claim is written here: the benchmark sends them through the service).
 */

export const REGION = '360100';
export const YEAR = 2025;
/** The day the claims are settled on; visits run from 1 January to this day. */
export const TODAY = '2025-12-20';
/** Claims each heavy person sends: enough to pass the deductibles, the outpatient cap and the annual cap. */
export const HEAVY_CLAIMS = 60;

const AT = '2025-01-01T00:00:00.000Z';
const CHUNK = 20_000;
/** The months whose account credits are on the books before the claims come. */
const CREDITED_MONTHS = Array.from(
  { length: 11 },
  (_, month) => `2025-${String(month + 1).padStart(2, '0')}`,
);
/** Nanchang's districts, one per group of persons, for the identity numbers. */
const ID_PREFIX: Record<MedicalPersonType, string> = {
  'in-service': '360102',
  retired: '360103',
  resident: '360104',
};
const FIRST_BIRTH: Record<MedicalPersonType, string> = {
  'in-service': '1965-01-01',
  retired: '1940-01-01',
  resident: '1955-01-01',
};
/** Catalogue codes, a few hundred in all, as a hospital's system sends them. */
const CATALOGUE = Array.from({ length: 300 }, (_, n) => ({ code: `XA${String(n).padStart(5, '0')}`, n }));

export interface ClaimsRegionSpec {
  persons: number;
  institutions: number;
  claims: number;
  /** Persons who send HEAVY_CLAIMS claims each; the first persons. */
  heavy: number;
  seed: number;
}

export interface SyntheticPatient {
  id: number;
  idNumber: string;
  type: MedicalPersonType;
  /** Whether the person's medical personal account has credits (employees and retirees). */
  account: boolean;
}

export interface SyntheticInstitution {
  id: number;
  level: 1 | 2 | 3 | null;
}

export interface ClaimsRegion {
  persons: SyntheticPatient[];
  institutions: SyntheticInstitution[];
  /** The claims in the order they are sent. */
  submissions: ClaimSubmission[];
}

export async function insertClaimsRegion(
  db: Kysely<Database>,
  spec: ClaimsRegionSpec,
): Promise<ClaimsRegion> {
  const random = mulberry32(spec.seed);
  const persons = await insertPersons(db, spec, random);
  const institutions = await insertInstitutions(db, spec);
  return { persons, institutions, submissions: generateClaims(spec, persons, institutions, random) };
}

type Random = () => number;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const yuan = (amount: number) => Math.round(amount * 100);

/**
 * Persons insured in Nanchang: 80% employees in service (each employed since 2005-2024 by one of the
 * region's employers, so covered on any day of the year with no premium overdue), 12% retirees (a pension
 * award since 2010-2024 and 30 years of medical contributions in the yearly summaries), 8% residents
 * enrolled for the year in the concentrated period (no waiting period). Every employee's medical personal
 * account holds the year's monthly credits of the employee's 2% (the sub-ledger entries, without the bills
 * behind them, which claims never read), every retiree's the monthly credits from the pool; each month's
 * credits are posted to the control account as one transaction of each kind, and the residents' premiums as
 * one, so that `ledger verify` holds.
 */
async function insertPersons(
  db: Kysely<Database>,
  spec: ClaimsRegionSpec,
  random: Random,
): Promise<SyntheticPatient[]> {
  const types: MedicalPersonType[] = Array.from({ length: spec.persons }, () => {
    const draw = random();
    return draw < 0.8 ? 'in-service' : draw < 0.92 ? 'retired' : 'resident';
  });
  const ids: number[] = [];
  const idNumbers: string[] = [];
  for (let start = 0; start < spec.persons; start += CHUNK) {
    const rows = types.slice(start, start + CHUNK).map((type, offset) => {
      const n = start + offset;
      // Ten years of birth dates per group, then the next sequence number: every number stays unique.
      const birthDate = addDays(FIRST_BIRTH[type], n % 3650);
      const idNumber = makeResidentId(ID_PREFIX[type], birthDate, Math.floor(n / 3650));
      idNumbers.push(idNumber);
      return {
        id_number: idNumber,
        name: `Patient ${n}`,
        sex: n % 2 ? ('female' as const) : ('male' as const),
        birth_date: birthDate,
        hukou_region_code: REGION,
        hukou_type: random() < 0.8 ? ('urban' as const) : ('rural' as const),
        category: type === 'resident' ? ('resident' as const) : ('employee' as const),
        region_code: REGION,
        registered_on: '2005-01-01',
        recorded_at: AT,
      };
    });
    ids.push(...(await insertRowsReturningIds(db, 'persons', rows)));
  }
  const persons = types.map((type, n): SyntheticPatient => ({
    id: ids[n]!,
    idNumber: idNumbers[n]!,
    type,
    account: type !== 'resident',
  }));

  const inService = persons.filter((person) => person.type === 'in-service');
  const employerIds = await insertRowsReturningIds(
    db,
    'employers',
    Array.from({ length: Math.max(1, Math.ceil(inService.length / 40)) }, (_, n) => ({
      credit_code: makeCreditCode(REGION, 30_000_000 + n),
      name: `Nanchang employer ${n}`,
      region_code: REGION,
      industry_class: 1 + (n % 8),
      injury_float_ppm: 1_000_000,
      bank_account: null,
      contact_name: null,
      contact_phone: null,
      established_on: '2000-01-01',
      registered_on: '2005-01-01',
      recorded_at: AT,
    })),
  );
  for (let start = 0; start < inService.length; start += CHUNK)
    await insertRows(
      db,
      'employments',
      inService.slice(start, start + CHUNK).map((person) => {
        const hiredOn = `${between(random, 2005, 2024)}-0${between(random, 1, 9)}-1${between(random, 0, 9)}`;
        return {
          person_id: person.id,
          employer_id: pick(random, employerIds),
          region_code: REGION,
          hired_on: hiredOn,
          hire_reason: 'new_hire' as const,
          left_on: null,
          leave_reason: null,
          registered_on: hiredOn,
          recorded_at: AT,
        };
      }),
    );

  const retirees = persons.filter((person) => person.type === 'retired');
  for (let start = 0; start < retirees.length; start += CHUNK) {
    const chunk = retirees.slice(start, start + CHUNK);
    const firstMonths = chunk.map(() => `${between(random, 2010, 2024)}-0${between(random, 1, 9)}`);
    const applicationIds = await insertRowsReturningIds(
      db,
      'benefit_applications',
      chunk.map((person, n) => ({
        application_no: `BC${String(start + n).padStart(9, '0')}`,
        kind: 'pension' as const,
        person_id: person.id,
        employer_id: null,
        region_code: REGION,
        filed_by: 'staff' as const,
        filed_by_login: 'staff:bench',
        facts: '{}',
        state: 'decided' as const,
        filed_on: `${firstMonths[n]}-05`,
        clock_days: 20,
        clock_unit: 'working-days' as const,
        clock_source: 'bench',
        decision: 'award' as const,
        decision_reasons: '[]',
        decided_on: `${firstMonths[n]}-20`,
        approval_id: null,
        recorded_at: AT,
        updated_at: AT,
      })),
    );
    await insertRows(
      db,
      'benefit_awards',
      chunk.map((person, n) => ({
        award_no: `BCA${String(start + n).padStart(9, '0')}`,
        version: 1,
        application_id: applicationIds[n]!,
        person_id: person.id,
        region_code: REGION,
        kind: 'pension' as const,
        monthly_fen: yuan(between(random, 2_500, 6_000)),
        valid_from: firstMonths[n]!,
        payee_kind: 'bank' as const,
        payee_account: `622202${String(start + n).padStart(13, '0')}`,
        explanation: '{}',
        reason: 'bench',
        proposed_by: 'staff:bench',
        approved_by: 'staff:second',
        approval_id: null,
        recorded_at: AT,
        contribution_months: 360,
      })),
    );
    await insertRows(
      db,
      'person_year_summaries',
      chunk.map((person) => ({
        person_id: person.id,
        year: 2009,
        pension_months: 360,
        medical_months: 360,
        maternity_months: 0,
        unemployment_months: 360,
        work_injury_months: 360,
        contributed_months: 360,
      })),
    );
  }

  const residents = persons.filter((person) => person.type === 'resident');
  const premiumFen = yuan(400);
  const paidOn = `${YEAR - 1}-11-15`;
  const wait = residentWaitingPeriod({
    year: YEAR,
    paidOn,
    inConcentratedPeriod: true,
    gapYears: 0,
    repairedYears: 0,
    newborn: false,
  });
  for (let start = 0; start < residents.length; start += CHUNK)
    await insertRows(
      db,
      'medical_resident_enrolments',
      residents.slice(start, start + CHUNK).map((person) => ({
        person_id: person.id,
        region_code: REGION,
        year: YEAR,
        paid_on: paidOn,
        amount_fen: premiumFen,
        in_concentrated_period: 1,
        gap_years: 0,
        repaired_years: 0,
        newborn: 0,
        covered_from: wait.coveredFrom,
        explanation: JSON.stringify(wait.explanation),
        recorded_by: 'staff:bench',
        recorded_at: AT,
      })),
    );

  const retireeCreditFen = yuan(60);
  const monthlyFen = inService.map(() => Math.round(yuan(between(random, 3_000, 20_000)) * 0.02));
  const monthTotalFen = monthlyFen.reduce((sum, fen) => sum + fen, 0);
  const postings: Posting[] = [];
  for (const period of CREDITED_MONTHS) {
    const entries: MedicalAccountEntry[] = [
      ...inService.map((person, n) => ({
        personId: person.id,
        regionCode: REGION,
        kind: 'contribution' as MedicalAccountEntry['kind'],
        period,
        medicalFen: monthlyFen[n]!,
        medicalClaimId: null,
      })),
      ...retirees.map((person) => ({
        personId: person.id,
        regionCode: REGION,
        kind: 'retiree-credit' as const,
        period,
        medicalFen: retireeCreditFen,
        medicalClaimId: null,
      })),
    ];
    for (let start = 0; start < entries.length; start += CHUNK)
      await insertMedicalAccountEntries(db, entries.slice(start, start + CHUNK));
    const context = (kind: string) => ({
      eventKey: `bench-${kind}:${period}`,
      businessDate: addDays(`${period}-01`, 27),
      regionCode: REGION,
    });
    postings.push(
      ...postPersonalAccountCredit(context('account-credits'), { pension: 0, medical: monthTotalFen }),
      ...postRetireeAccountCredit(context('retiree-credits'), retireeCreditFen * retirees.length),
    );
  }
  postings.push(
    ...postResidentPremium(
      { eventKey: `bench-resident-premiums:${YEAR}`, businessDate: paidOn, regionCode: REGION },
      premiumFen * residents.length,
    ),
  );
  await insertPostings(db, postings, AT);
  return persons;
}

/**
 * Designated institutions with an active agreement each: clinics of level 1 (four tenths), hospitals of
 * level 2 (three tenths) and 3 (one tenth) covering outpatient, inpatient and chronic-disease claims, and
 * retail pharmacies (two tenths) covering pharmacy purchases.
 */
async function insertInstitutions(
  db: Kysely<Database>,
  spec: ClaimsRegionSpec,
): Promise<SyntheticInstitution[]> {
  const levels = Array.from({ length: spec.institutions }, (_, n): SyntheticInstitution['level'] => {
    const tenth = n % 10;
    return tenth < 2 ? null : tenth < 6 ? 1 : tenth < 9 ? 2 : 3;
  });
  const ids = await insertRowsReturningIds(
    db,
    'medical_institutions',
    levels.map((level, n) => ({
      code: `H36010${String(n).padStart(6, '0')}`,
      name: level === null ? `Pharmacy ${n}` : `Level ${level} ${level === 1 ? 'clinic' : 'hospital'} ${n}`,
      kind:
        level === null ? ('pharmacy' as const) : level === 1 ? ('clinic' as const) : ('hospital' as const),
      level,
      category: level === null ? 'retail pharmacy' : 'general hospital',
      region_code: REGION,
      address: 'Nanchang',
      created_by: 'staff:bench',
      created_at: AT,
    })),
  );
  const agreementIds = await insertRowsReturningIds(
    db,
    'medical_agreements',
    levels.map((level, n) => ({
      agreement_no: `AG-${YEAR - 1}-${String(n).padStart(6, '0')}`,
      institution_id: ids[n]!,
      valid_from: `${YEAR - 1}-01-01`,
      valid_to: `${YEAR + 1}-12-31`,
      scope_json: JSON.stringify(level === null ? ['pharmacy'] : ['outpatient', 'inpatient', 'chronic']),
      payment_days: 30,
      status: 'active' as const,
      status_from: `${YEAR - 1}-01-01`,
      status_until: null,
      status_reason: 'signed',
      status_source: 'SIL Art. 31',
      created_by: 'staff:bench',
      created_at: AT,
    })),
  );
  await insertRows(
    db,
    'medical_agreement_events',
    agreementIds.map((agreementId) => ({
      agreement_id: agreementId,
      status: 'active' as const,
      status_from: `${YEAR - 1}-01-01`,
      status_until: null,
      reason: 'signed',
      source: 'SIL Art. 31',
      recorded_by: 'staff:bench',
      recorded_at: AT,
    })),
  );
  return levels.map((level, n) => ({ id: ids[n]!, level }));
}

type Item = ClaimInput['items'][number];

/** Items adding up to `totalYuan`: mostly fully covered, a quarter part-covered with a share, some not. */
function itemsOf(random: Random, totalYuan: number, count: number): Item[] {
  const items: Item[] = [];
  let left = yuan(totalYuan);
  for (let line = 0; line < count; line += 1) {
    const amountFen =
      line === count - 1 ? Math.max(1, left) : Math.max(1, Math.floor((left * random()) / 1.5));
    left -= amountFen;
    const entry = pick(random, CATALOGUE);
    const draw = random();
    const itemClass = draw < 0.65 ? 'full' : draw < 0.9 ? 'part' : 'none';
    items.push({
      code: entry.code,
      name: `Catalogue item ${entry.n}`,
      itemClass,
      quantity: between(random, 1, 3),
      amountFen,
      ...(itemClass === 'part' ? { selfPaySharePpm: pick(random, [50_000, 100_000, 200_000, 300_000]) } : {}),
    });
  }
  return items;
}

/**
 * The claims, shuffled: the heavy persons' (HEAVY_CLAIMS each: outpatient visits and pharmacy purchases of
 * several hundred yuan that use up the outpatient deductible and reach the outpatient cap, and stays at
 * level-3 hospitals of 30,000-90,000 yuan that reach the annual cap), then the rest spread at random over
 * everyone else: outpatient 40%, pharmacy 30%, chronic disease 20%, inpatient 10%. Employees and retirees
 * pay from their account in 40% of their claims, 1% of those from a relative's account. Every claim has an
 * idempotency key of its institution, as a hospital's system sends it.
 */
function generateClaims(
  spec: ClaimsRegionSpec,
  persons: SyntheticPatient[],
  institutions: SyntheticInstitution[],
  random: Random,
): ClaimSubmission[] {
  const byLevel = (level: SyntheticInstitution['level']) =>
    institutions.filter((inst) => inst.level === level);
  const pharmacies = byLevel(null);
  const hospitals = [byLevel(1), byLevel(2), byLevel(3)];
  const withAccounts = persons.filter((person) => person.account);
  const yearStart = `${YEAR}-01-01`;
  const days = (Date.parse(TODAY) - Date.parse(yearStart)) / 86_400_000 + 1;
  const claims: ClaimSubmission[] = [];

  const claimOf = (person: SyntheticPatient, kind: ClaimKind, totalYuan: number, level: 1 | 2 | 3) => {
    const institution = kind === 'pharmacy' ? pick(random, pharmacies) : pick(random, hospitals[level - 1]!);
    const stay = kind === 'inpatient' ? between(random, 1, 14) : 0;
    const visitDate = addDays(yearStart, between(random, 0, days - 1 - stay));
    const useAccount = person.account && random() < 0.4;
    const relative = useAccount && random() < 0.01 ? pick(random, withAccounts) : undefined;
    const input: ClaimInput = {
      institutionId: institution.id,
      idNumber: person.idNumber,
      kind,
      visitDate,
      ...(kind === 'inpatient' ? { dischargeDate: addDays(visitDate, stay) } : {}),
      ...(kind === 'pharmacy'
        ? {}
        : { department: pick(random, ['internal', 'surgery', 'paediatrics', 'ENT', 'ophthalmology']) }),
      items: itemsOf(random, totalYuan, kind === 'inpatient' ? between(random, 3, 8) : between(random, 1, 4)),
      useAccount,
      ...(relative && relative.id !== person.id
        ? { accountHolderIdNumber: relative.idNumber, accountHolderRelation: 'spouse' as const }
        : {}),
    };
    claims.push({
      input,
      idempotencyKey: `HIS-${institution.id}-${String(claims.length).padStart(8, '0')}`,
      recordedBy: `system:his-${institution.id}`,
    });
  };

  for (const person of persons.slice(0, spec.heavy))
    for (let n = 0; n < HEAVY_CLAIMS; n += 1) {
      if (n % 6 === 5) claimOf(person, 'inpatient', between(random, 30_000, 90_000), 3);
      else if (n % 3 === 0) claimOf(person, 'pharmacy', between(random, 200, 800), 1);
      else claimOf(person, 'outpatient', between(random, 300, 1_200), pick(random, [1, 2, 3] as const));
    }
  const others = persons.slice(spec.heavy);
  while (claims.length < spec.claims) {
    const person = pick(random, others);
    const draw = random();
    const level = pick(random, [1, 1, 1, 2, 2, 3] as const);
    if (draw < 0.4) claimOf(person, 'outpatient', between(random, 30, 600), level);
    else if (draw < 0.7) claimOf(person, 'pharmacy', between(random, 20, 400), 1);
    else if (draw < 0.9) claimOf(person, 'chronic', between(random, 100, 1_500), level);
    else claimOf(person, 'inpatient', between(random, 2_000, 40_000), level);
  }
  for (let n = claims.length - 1; n > 0; n -= 1) {
    const other = Math.floor(random() * (n + 1));
    [claims[n], claims[other]] = [claims[other]!, claims[n]!];
  }
  return claims;
}
