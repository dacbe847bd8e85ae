import { addDays, daysBetween, parseBusinessDate, type BusinessDate } from '../time/index.ts';

/** SIL Art. 57 (employers) and Art. 58 (employees): register within 30 days. */
export const REGISTRATION_DEADLINE_DAYS = 30;

export interface RegistrationTimeliness {
  /** The last day on which registration was on time. */
  deadline: BusinessDate;
  late: boolean;
  /** Days after the deadline; 0 when on time. */
  daysLate: number;
  /** The legal rule, e.g. "SIL Art. 57: register within 30 days of establishment". */
  rule: string;
}

/**
 * Whether an employer registered within 30 days of its establishment (SIL Art. 57). Lateness is
 * recorded, not refused: the agency still registers the employer and may order a correction (Art. 84).
 */
export function checkEmployerRegistration(
  establishedOn: BusinessDate,
  registeredOn: BusinessDate,
): RegistrationTimeliness {
  return checkDeadline(
    parseBusinessDate(establishedOn, 'establishedOn'),
    parseBusinessDate(registeredOn, 'registeredOn'),
    `SIL Art. 57: an employer registers within ${REGISTRATION_DEADLINE_DAYS} days of its establishment`,
  );
}

/**
 * Whether an employee was registered within 30 days of hiring (SIL Art. 58). A late registration is
 * flagged; the employer still owes contributions from the hire month.
 */
export function checkEmployeeRegistration(
  hiredOn: BusinessDate,
  registeredOn: BusinessDate,
): RegistrationTimeliness {
  return checkDeadline(
    parseBusinessDate(hiredOn, 'hiredOn'),
    parseBusinessDate(registeredOn, 'registeredOn'),
    `SIL Art. 58: an employer registers an employee within ${REGISTRATION_DEADLINE_DAYS} days of hiring`,
  );
}

// "Within 30 days of" day 0 means by day 30: established on 1 March, on time up to and including 31 March.
function checkDeadline(
  start: BusinessDate,
  registeredOn: BusinessDate,
  rule: string,
): RegistrationTimeliness {
  const deadline = addDays(start, REGISTRATION_DEADLINE_DAYS);
  const daysLate = Math.max(0, daysBetween(deadline, registeredOn));
  return { deadline, late: daysLate > 0, daysLate, rule };
}
