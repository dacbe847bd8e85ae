import { addMonths, dateToPeriod, type PolicyBook } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import {
  selectConfirmedDeaths,
  selectEmployments,
  selectMedicalMonths,
  selectMedicalMonthTotals,
  selectPatientsByIdNumber,
  selectPensionStarts,
  selectResidentCoverage,
  type MedicalMonth,
} from './coverage.repository.ts';
import { selectPersonSuspensions } from './findings.repository.ts';
import type { PatientFacts } from './coverage.ts';

/*
 * The facts of a batch's patients (and account holders), gathered in one query per kind of fact, and
 * handed out per patient and visit as the coverage rule reads them (coverage.ts).
 */

export interface Patient {
  id: number;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  category: 'employee' | 'flexible' | 'resident';
  regionCode: string;
}

export interface Patients {
  byIdNumber: Map<string, Patient>;
  factsOf(patient: Patient, visitDate: string): PatientFacts;
}

export async function gatherPatients(
  db: Kysely<Database>,
  book: PolicyBook,
  idNumbers: readonly string[],
  visitDates: readonly string[],
): Promise<Patients> {
  const unique = [...new Set(idNumbers)];
  const rows = unique.length === 0 ? [] : await selectPatientsByIdNumber(db, unique);
  const patients = rows.map((row): Patient => ({
    id: Number(row.id),
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex,
    category: row.category,
    regionCode: row.region_code,
  }));
  const ids = patients.map((patient) => patient.id);
  const periodSet = new Set<string>();
  for (const date of visitDates) {
    const period = dateToPeriod(date);
    periodSet.add(period).add(addMonths(period, -1));
  }
  const periods = [...periodSet];
  const years = [...new Set(visitDates.map((date) => Number(date.slice(0, 4))))];
  const none = ids.length === 0;
  const [pensions, deaths, months, employments, enrolments] = await Promise.all([
    none ? new Map<number, string>() : selectPensionStarts(db, ids),
    none ? new Map<number, string>() : selectConfirmedDeaths(db, ids),
    none ? ([] as MedicalMonth[]) : selectMedicalMonths(db, ids, periods),
    none ? [] : selectEmployments(db, ids),
    none ? [] : selectResidentCoverage(db, ids, years),
  ]);
  const totals = await selectMedicalMonthTotals(db, [...pensions.keys()]);
  const suspensionsOf = groupByPerson(
    (none ? [] : await selectPersonSuspensions(db, ids)).map((row) => ({
      personId: Number(row.person_id),
      from: row.suspended_from!,
      until: row.suspended_until!,
      reason: `${row.finding_no} (${row.article})`,
    })),
  );
  const monthsOf = groupByPerson(months);
  const jobsOf = groupByPerson(employments);
  const enrolmentOf = new Map(enrolments.map((row) => [`${row.personId}|${row.year}`, row]));
  // The retirees' minimum of a region and month, looked up once per batch.
  const minimums = new Map<string, PatientFacts['retireeMinimum']>();
  const minimumOf = (regionCode: string, period: string) => {
    const key = `${regionCode}|${period}`;
    let minimum = minimums.get(key);
    if (minimum === undefined) {
      const found = book.find<{ maleMonths: number; femaleMonths: number }>('medical.retireeMinimumYears', {
        regionCode,
        period,
      });
      minimum = found ? { ...found.value, source: found.parameter.source } : null;
      minimums.set(key, minimum);
    }
    return minimum;
  };
  return {
    byIdNumber: new Map(patients.map((patient) => [patient.idNumber, patient])),
    factsOf(patient, visitDate) {
      const enrolment = enrolmentOf.get(`${patient.id}|${visitDate.slice(0, 4)}`);
      return {
        personId: patient.id,
        sex: patient.sex,
        category: patient.category,
        pensionFrom: pensions.get(patient.id) ?? null,
        diedOn: deaths.get(patient.id) ?? null,
        medicalMonths: monthsOf.get(patient.id) ?? [],
        employments: jobsOf.get(patient.id) ?? [],
        medicalMonthsTotal: totals.get(patient.id) ?? null,
        retireeMinimum: minimumOf(patient.regionCode, dateToPeriod(visitDate)),
        residentEnrolment: enrolment ? { coveredFrom: enrolment.coveredFrom } : null,
        suspensions: suspensionsOf.get(patient.id) ?? [],
      };
    },
  };
}

function groupByPerson<T extends { personId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.personId);
    if (group) group.push(row);
    else groups.set(row.personId, [row]);
  }
  return groups;
}
