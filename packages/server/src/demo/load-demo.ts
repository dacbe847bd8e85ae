import {
  addDays,
  addMonths,
  checkFlexibleBase,
  chinaDateOf,
  periodMonth,
  periodYear,
  type Period,
} from '@shebao/domain';
import type { App } from '../app/index.ts';
import type { Insertable } from 'kysely';
import type { Database } from '../db/index.ts';
import { loadRegistrationRows, loadRegistrationRowsReturningIds } from '../modules/registration/index.ts';
import { creditYearInterest } from '../modules/accounts/index.ts';
import { runCollection } from '../workflows/index.ts';
import { recordPayments, type PaymentInput } from '../modules/payments/index.ts';
import { loadDemoAccounts } from './demo-accounts.ts';
import { insertDemoRetiree, loadDemoBenefits } from './demo-benefits.ts';
import { loadDemoMedical, loadDemoMedicalMonth } from './demo-medical.ts';
import { loadDemoNotices } from './demo-notices.ts';
import { loadDemoCards } from './demo-cards.ts';
import { loadDemoPayroll } from './demo-payroll.ts';
import { createRandom, DEMO_EMPLOYERS, demoCreditCode, makePerson, pick } from './demo-people.ts';

export const DEMO_REGION = '110000';
/** The average wage the demo's flexible bases are set against: July 2025's, above every demo year's floor. */
export const FLEXIBLE_WAGE_PERIOD = '2025-07';
const FLEXIBLE_WORKERS = 40;

export interface DemoSummary {
  loaded: boolean;
  employers: number;
  persons: number;
  months: number;
  firstPeriod: Period;
  lastPeriod: Period;
}

/**
 * A living Beijing region for newcomers: employers of different industry classes, several hundred people
 * (some flexible workers), two years of monthly collection with payments on time, late (with late fees)
 * and missing (arrears), and the year's interest credited. Deterministic, and loaded only into a database
 * without employers, so running it twice changes nothing.
 */
export async function loadDemo(app: App, onMonth?: (period: Period) => void): Promise<DemoSummary> {
  const db = app.database.db;
  const today = chinaDateOf(app.clock.now());
  const lastPeriod = addMonths(today.slice(0, 7), -1);
  const firstPeriod = addMonths(lastPeriod, -23);
  const existing = await db.selectFrom('employers').select('id').limit(1).execute();
  if (existing.length) return { loaded: false, employers: 0, persons: 0, months: 0, firstPeriod, lastPeriod };

  // The region's collection account, which employers' start pages and bills show (a made-up account:
  // the demo region is for trying Shebao out).
  await app.policy.addVersion(
    {
      name: 'collection.bankAccount',
      regionCode: DEMO_REGION,
      insurance: null,
      party: null,
      category: null,
      validFrom: firstPeriod,
      validTo: null,
      value: {
        bank: '演示银行北京分行',
        accountName: '北京市社会保险基金收入户（演示）',
        accountNo: '1100 0000 0000 0000 0001',
      },
      source: '演示数据（非真实账户）',
    },
    'demo',
  );
  const random = createRandom(20_250_701);
  const recordedAt = app.clock.now().toISOString();
  const employerIds: number[] = [];
  for (const [index, employer] of DEMO_EMPLOYERS.entries()) {
    const { id } = await db
      .insertInto('employers')
      .values({
        credit_code: demoCreditCode(index),
        name: employer.name,
        region_code: DEMO_REGION,
        industry_class: employer.industryClass,
        injury_float_ppm: pick(
          random,
          [1_000_000, 1_000_000, 1_200_000, 800_000].filter(
            (ppm) => employer.industryClass > 1 || ppm >= 1_000_000,
          ),
        ),
        bank_account: `6222${String(1_000_000_000 + index * 7_654_321).slice(0, 12)}`,
        contact_name: `联系人${index + 1}`,
        contact_phone: `010-6${String(1_000_000 + index * 13_579).slice(0, 7)}`,
        established_on: `20${String(5 + index).padStart(2, '0')}-03-01`,
        // One employer registered late (SIL Art. 57: within 30 days).
        registered_on:
          index === 6
            ? `20${String(5 + index).padStart(2, '0')}-05-20`
            : `20${String(5 + index).padStart(2, '0')}-03-10`,
        recorded_at: recordedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    employerIds.push(id);
  }

  // People: employees with hires, some leavers and replacements; flexible workers paying alone.
  let sequence = 1;
  const persons: Insertable<Database['persons']>[] = [];
  const plans: {
    sequence: number;
    employerIndex: number;
    hiredOn: string;
    leftOn: string | null;
    wageFen: number;
  }[] = [];
  for (const [employerIndex, employer] of DEMO_EMPLOYERS.entries()) {
    for (let n = 0; n < employer.employees; n += 1) {
      persons.push(personRow(makePerson(random, sequence), 'urban', 'employee', '2015-01-01', recordedAt));
      const [low, high] = employer.wageYuan;
      const wageFen = Math.round((low + random() * (high - low)) / 10) * 1000;
      const joinsDuringDemo = random() < 0.12;
      const hiredOn = joinsDuringDemo
        ? `${addMonths(firstPeriod, 1 + Math.floor(random() * 20))}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`
        : '2018-03-01';
      const leaves = !joinsDuringDemo && random() < 0.1;
      const leftOn = leaves ? `${addMonths(firstPeriod, 2 + Math.floor(random() * 20))}-15` : null;
      plans.push({ sequence, employerIndex, hiredOn, leftOn, wageFen });
      sequence += 1;
    }
  }
  const flexibleSequences: number[] = [];
  for (let n = 0; n < FLEXIBLE_WORKERS; n += 1) {
    const person = makePerson(random, sequence);
    const hukouType = pick(random, ['urban', 'rural'] as const);
    persons.push(personRow(person, hukouType, 'flexible', '2019-01-01', recordedAt));
    flexibleSequences.push(sequence);
    sequence += 1;
  }

  const personIds = await db
    .transaction()
    .execute((trx) => loadRegistrationRowsReturningIds(trx, 'persons', persons));
  const personId = (index: number) => personIds[index]!;

  const employments: Insertable<Database['employments']>[] = [];
  const bases: Insertable<Database['contribution_bases']>[] = [];
  for (const plan of plans) {
    const id = personId(plan.sequence - 1);
    const employerId = employerIds[plan.employerIndex]!;
    employments.push({
      person_id: id,
      employer_id: employerId,
      region_code: DEMO_REGION,
      hired_on: plan.hiredOn,
      hire_reason: 'new_hire',
      left_on: plan.leftOn,
      leave_reason: plan.leftOn ? 'resignation' : null,
      registered_on: plan.hiredOn,
      recorded_at: recordedAt,
    });
    // A yearly base per July cycle that the demo's months touch, wages growing about 5% a year.
    for (const [step, cycle] of julyCyclesCovering(firstPeriod, lastPeriod).entries()) {
      const declared = Math.round((plan.wageFen * (100 + 5 * step)) / 10_000) * 100;
      bases.push({
        person_id: id,
        employer_id: employerId,
        region_code: DEMO_REGION,
        cycle_start: cycle,
        declared_fen: declared,
        source: 'yearly',
        version: 1,
        declared_on: `${cycle}-10`,
        recorded_at: recordedAt,
      });
    }
  }
  // Flexible workers hold a grade (a share of the average wage, SIL Art. 12 and docs/RULES.md 1.8) and the base
  // is that grade's base, computed as enrolment computes it: never a round base with a grade derived from it.
  const averageWageFen = (await app.policy.loadBook()).require<number>('base.averageWage', {
    regionCode: DEMO_REGION,
    period: FLEXIBLE_WAGE_PERIOD,
  }).value;
  const enrolments = flexibleSequences.map((seq, index): Insertable<Database['flexible_enrolments']> => {
    const gradePpm = pick(random, [600_000, 700_000, 1_000_000, 1_500_000]);
    const grade = checkFlexibleBase(averageWageFen, { gradePpm });
    if (!grade.ok) throw new Error(`demo: grade ${gradePpm} ppm is not allowed: ${grade.reason}`);
    return {
      person_id: personId(seq - 1),
      region_code: DEMO_REGION,
      base_fen: grade.baseFen,
      grade_ppm: gradePpm,
      payment_method: index % 3 ? 'withholding' : 'self',
      bank_account: index % 3 ? `6217${String(100_000_000_000 + index * 97_531)}` : null,
      agreement_no: index % 3 ? `WH${2023}${String(index).padStart(4, '0')}` : null,
      start_period: '2023-01',
      end_period: null,
      enrolled_on: '2023-01-05',
      recorded_at: recordedAt,
    };
  });
  await db.transaction().execute(async (trx) => {
    await loadRegistrationRows(trx, 'employments', employments);
    await loadRegistrationRows(trx, 'contribution_bases', bases);
    await loadRegistrationRows(trx, 'flexible_enrolments', enrolments);
  });
  const retiree = await insertDemoRetiree(db, {
    employerId: employerIds.at(-1)!,
    firstPeriod,
    lastPeriod,
    recordedAt,
  });

  // Two years of months: declare, assess, then pay. Most pay on the due date; some pay late (late fees);
  // one employer stops paying in the last three months (arrears), and a few flexible workers miss months.
  // One employer forgets to declare a month: it is estimated at 110% (SIL Art. 62), declares a month
  // late, and the next run settles the difference.
  const deps = { db, clock: app.clock, policy: app.policy };
  const forgetful = employerIds[5]!;
  // The first flexible worker leaves the last month unpaid, so the flexible worker with a login (the
  // first one with an open bill, demo-accounts.ts) is the same person on every date the demo is loaded.
  const owingFlexible = personId(flexibleSequences[0]! - 1);
  const forgottenPeriod = addMonths(lastPeriod, -5);
  let months = 0;
  for (let period = firstPeriod; period <= lastPeriod; period = addMonths(period, 1)) {
    const declarations = employerIds
      .filter((id) => id !== forgetful || period !== forgottenPeriod)
      .map((id) => ({ employer_id: id, period, declared_on: `${period}-05`, recorded_at: recordedAt }));
    if (period === addMonths(forgottenPeriod, 1)) {
      declarations.push({
        employer_id: forgetful,
        period: forgottenPeriod,
        declared_on: `${period}-05`,
        recorded_at: recordedAt,
      });
    }
    await db.insertInto('declarations').values(declarations).execute();
    await runCollection(deps, { regionCode: DEMO_REGION, period });
    const bills = await db
      .selectFrom('bills')
      .select(['payer_key', 'total_fen', 'due_date', 'employer_id', 'person_id'])
      .where('period', '=', period)
      .where('kind', '=', 'regular')
      .execute();
    const payments: PaymentInput[] = [];
    const lastMonths = period > addMonths(lastPeriod, -3);
    for (const bill of bills) {
      const roll = random();
      if (bill.employer_id === employerIds[3] && lastMonths) continue; // arrears
      if (!bill.employer_id && roll < 0.04) continue; // a flexible worker skips a month
      const late = roll > 0.9;
      const paidOn = late ? shiftDays(bill.due_date, 10 + Math.floor(random() * 40)) : bill.due_date;
      if (paidOn > today) continue;
      if (period === lastPeriod && bill.person_id === owingFlexible) continue;
      payments.push({
        payerKey: bill.payer_key,
        amountFen: bill.total_fen,
        paidOn,
        channel: 'demo',
        bankReference: `DEMO-${period}-${bill.payer_key}`,
      });
    }
    if (payments.length) await recordPayments(deps, payments);
    // A year's interest is credited once its rate is published (the next summer); until then it waits, as
    // it would at an agency, and a demo loaded early in the year shows the year before last credited.
    const ratePublished = (await app.policy.loadBook()).find('pension.creditingRate', {
      regionCode: DEMO_REGION,
      period,
    });
    if (periodMonth(period) === 12 && ratePublished)
      await creditYearInterest(deps, { year: periodYear(period), regionCode: DEMO_REGION });
    months += 1;
    onMonth?.(period);
  }
  await loadDemoAccounts(app);
  await loadDemoBenefits(app, retiree);
  await loadDemoPayroll(app);
  await loadDemoMedical(app);
  await loadDemoMedicalMonth(app);
  await loadDemoCards(app, retiree.personId);
  await loadDemoNotices(app);
  return {
    loaded: true,
    employers: employerIds.length,
    persons: persons.length + 4,
    months,
    firstPeriod,
    lastPeriod,
  };
}

/** A demo person as the row registration keeps. */
function personRow(
  person: ReturnType<typeof makePerson>,
  hukouType: 'urban' | 'rural',
  category: 'employee' | 'flexible',
  registeredOn: string,
  recordedAt: string,
): Insertable<Database['persons']> {
  return {
    id_number: person.idNumber,
    name: person.name,
    sex: person.sex,
    birth_date: person.birthDate,
    hukou_region_code: person.hukou,
    hukou_type: hukouType,
    category,
    region_code: DEMO_REGION,
    registered_on: registeredOn,
    recorded_at: recordedAt,
  };
}

/** The July cycle starts (YYYY-07) of every contribution year from the one holding `from` to the one holding `to`. */
function julyCyclesCovering(from: Period, to: Period): Period[] {
  const cycleYear = (period: Period) => periodYear(period) - (periodMonth(period) < 7 ? 1 : 0);
  const cycles: Period[] = [];
  for (let year = cycleYear(from); year <= cycleYear(to); year += 1) cycles.push(`${year}-07`);
  return cycles;
}

function shiftDays(date: string, days: number): string {
  return addDays(date, days);
}
