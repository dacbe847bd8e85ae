import { addDays, makeCreditCode, makeResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { seedRegionsIfEmpty } from '../modules/regions/index.ts';
import { createPolicyService } from '../modules/policy/index.ts';
import { fixedClock } from '../app/clock.ts';

/*
 * A small medical region written straight into the tables (registration and benefits have their own
 * tests): persons employed since 2020, retirees with a pension award and enough medical months, residents,
 * a hospital of each level and a pharmacy, each with an agreement covering every kind of claim.
 */

const AT = '2025-01-01T00:00:00.000Z';
let sequence = 0;

export interface MedicalFixture {
  regionCode: string;
  workers: { id: number; idNumber: string }[];
  retirees: { id: number; idNumber: string }[];
  residents: { id: number; idNumber: string }[];
  /** Level 1, 2 and 3 hospitals, then a pharmacy. */
  institutions: { id: number; code: string; level: number | null }[];
}

export async function insertMedicalFixture(
  db: Kysely<Database>,
  spec: { regionCode?: string; workers?: number; retirees?: number; residents?: number } = {},
): Promise<MedicalFixture> {
  const regionCode = spec.regionCode ?? '360100';
  await seedRegionsIfEmpty(db);
  await createPolicyService(db, fixedClock(AT)).seedIfEmpty();
  const tag = `${Date.now() % 100000}${(sequence += 1)}`;
  const { id: employerId } = await db
    .insertInto('employers')
    .values({
      credit_code: makeCreditCode(regionCode, 20_000_000 + Number(tag)),
      name: `Medical fixture employer ${tag}`,
      region_code: regionCode,
      industry_class: 1,
      injury_float_ppm: 1_000_000,
      bank_account: null,
      contact_name: null,
      contact_phone: null,
      established_on: '2019-01-01',
      registered_on: '2020-01-01',
      recorded_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let serial = Number(
    (
      await db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const person = async (category: 'employee' | 'resident', birthDate: string, sex: 'male' | 'female') => {
    sequence += 1;
    serial += 1;
    // A thousand serials per birth date, then the next day: every number stays unique.
    const idNumber = makeResidentId(
      `${regionCode.slice(0, 4)}02`,
      addDays(birthDate, Math.floor(serial / 1000)),
      serial % 1000,
    );
    const { id } = await db
      .insertInto('persons')
      .values({
        id_number: idNumber,
        name: `Patient ${sequence}`,
        sex,
        birth_date: birthDate,
        hukou_region_code: regionCode,
        hukou_type: 'urban',
        category,
        region_code: regionCode,
        registered_on: '2020-01-01',
        recorded_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(id), idNumber };
  };

  const workers = [];
  for (let n = 0; n < (spec.workers ?? 3); n += 1) {
    const worker = await person(
      'employee',
      `198${n % 10}-0${(n % 9) + 1}-1${n % 10}`,
      n % 2 ? 'female' : 'male',
    );
    await db
      .insertInto('employments')
      .values({
        person_id: worker.id,
        employer_id: Number(employerId),
        region_code: regionCode,
        hired_on: '2020-01-01',
        hire_reason: 'new_hire',
        left_on: null,
        leave_reason: null,
        registered_on: '2020-01-01',
        recorded_at: AT,
      })
      .execute();
    workers.push(worker);
  }
  const retirees = [];
  for (let n = 0; n < (spec.retirees ?? 1); n += 1) {
    const retiree = await person('employee', `195${n % 10}-0${(n % 9) + 1}-0${(n % 9) + 1}`, 'male');
    const { id: applicationId } = await db
      .insertInto('benefit_applications')
      .values({
        application_no: `MF${tag}${n}`,
        kind: 'pension',
        person_id: retiree.id,
        employer_id: null,
        region_code: regionCode,
        filed_by: 'staff',
        filed_by_login: 'staff:fixture',
        facts: '{}',
        state: 'decided',
        filed_on: '2015-01-05',
        clock_days: 20,
        clock_unit: 'working-days',
        clock_source: 'fixture',
        decision: 'award',
        decision_reasons: '[]',
        decided_on: '2015-01-20',
        approval_id: null,
        recorded_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('benefit_awards')
      .values({
        award_no: `MFA${tag}${n}`,
        version: 1,
        application_id: Number(applicationId),
        person_id: retiree.id,
        region_code: regionCode,
        kind: 'pension',
        monthly_fen: 400_000,
        valid_from: '2015-02',
        payee_kind: 'bank',
        payee_account: '6222000000000000',
        explanation: '{}',
        reason: 'fixture',
        proposed_by: 'staff:fixture',
        approved_by: 'staff:second',
        approval_id: null,
        recorded_at: AT,
        contribution_months: 360,
      })
      .execute();
    await db
      .insertInto('person_year_summaries')
      .values({
        person_id: retiree.id,
        year: 2014,
        pension_months: 360,
        medical_months: 360,
        maternity_months: 0,
        unemployment_months: 360,
        work_injury_months: 360,
        contributed_months: 360,
      })
      .execute();
    retirees.push(retiree);
  }
  const residents = [];
  for (let n = 0; n < (spec.residents ?? 1); n += 1)
    residents.push(await person('resident', `200${n % 10}-0${(n % 9) + 1}-2${n % 9}`, 'female'));

  const institutions = [];
  for (const [index, level] of ([1, 2, 3, null] as const).entries()) {
    const code = `H${regionCode}${tag}${index}`.slice(0, 20);
    const { id } = await db
      .insertInto('medical_institutions')
      .values({
        code,
        name: level === null ? `Pharmacy ${tag}` : `Level ${level} hospital ${tag}`,
        kind: level === null ? 'pharmacy' : 'hospital',
        level,
        category: level === null ? 'retail pharmacy' : 'general hospital',
        region_code: regionCode,
        address: 'Nanchang',
        created_by: 'staff:fixture',
        created_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: agreementId } = await db
      .insertInto('medical_agreements')
      .values({
        agreement_no: `AG-${code}`,
        institution_id: Number(id),
        valid_from: '2024-01-01',
        valid_to: '2027-12-31',
        scope_json: JSON.stringify(['outpatient', 'inpatient', 'pharmacy', 'chronic']),
        payment_days: 30,
        status: 'active',
        status_from: '2024-01-01',
        status_until: null,
        status_reason: 'signed',
        status_source: 'SIL Art. 31',
        created_by: 'staff:fixture',
        created_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('medical_agreement_events')
      .values({
        agreement_id: Number(agreementId),
        status: 'active',
        status_from: '2024-01-01',
        status_until: null,
        reason: 'signed',
        source: 'SIL Art. 31',
        recorded_by: 'staff:fixture',
        recorded_at: AT,
      })
      .execute();
    institutions.push({ id: Number(id), code, level });
  }
  return { regionCode, workers, retirees, residents, institutions };
}
