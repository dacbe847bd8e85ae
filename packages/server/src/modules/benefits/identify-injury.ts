import { addDays, chinaDateOf, daysBetween } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { moveApplication } from './application-transition.ts';
import { insertEvent, updateApplicationClock } from './applications.repository.ts';
import { decisionReason, type ApplicationView, type WorkInjuryFacts } from './applications.schemas.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { getApplication, requireApplication } from './read-application.ts';
import { statutoryDays } from './statutory-clocks.ts';
import type { PersonLookup } from './file-application.ts';
import { employmentOn } from './filing-checks.ts';
import type { Employment } from '../registration/index.ts';

export const identificationInput = z.strictObject({
  /** Why the injury is a work injury, each reason with its article (WIIR Arts. 14, 15). */
  reasons: z.array(decisionReason).min(1, 'give at least one reason').max(10),
});

function requireKind(row: { kind: string; application_no: string }, kind: string): void {
  if (row.kind !== kind)
    throw new AppError(ErrorCode.CONFLICT, `application ${row.application_no} is not a ${kind} application`, {
      field: 'applicationId',
      detailCode: 'application-state',
    });
}

/**
 * Marks a work-injury identification a clear case (WIIR Art. 20): the facts are clear and the rights and
 * duties plain, so the decision is due within 15 days instead of 60 (docs/RULES.md 15.15). The clock is
 * shortened once, and never to a day already past: from the day of filing.
 */
export async function markClearCase(
  deps: BenefitsDeps,
  applicationId: number,
  actor: Actor,
): Promise<ApplicationView> {
  const row = await requireApplication(deps, applicationId);
  requireKind(row, 'work-injury');
  if (row.state !== 'under-review' && row.state !== 'awaiting-material')
    throw new AppError(ErrorCode.CONFLICT, `application ${row.application_no} is ${row.state}`, {
      field: 'applicationId',
      detailCode: 'application-state',
    });
  const clear = await statutoryDays(deps, row.region_code, row.filed_on, 'work-injury-clear');
  if (row.clock_days <= clear.days) return getApplication(deps, applicationId);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await updateApplicationClock(trx, applicationId, {
      clock_days: clear.days,
      clock_unit: clear.unit,
      clock_source: clear.source,
      updated_at: at,
    });
    await insertEvent(trx, {
      application_id: applicationId,
      kind: 'clock-changed',
      on_date: chinaDateOf(deps.clock.now()),
      by_login: actor.login,
      note: `clear case: ${clear.days} days (${clear.source})`,
      recorded_at: at,
    });
  });
  return getApplication(deps, applicationId);
}

/**
 * What the identification finds beyond the officer's reasons (docs/RULES.md 15.15): whether the employer filed
 * after its 30 days (it then bears what the injury costs from the day after its deadline to the day it
 * filed), and whether the employer had insured the person for work injury then (an uninsured employer owes
 * all the benefits; WIIR Art. 62).
 */
export interface IdentificationFindings {
  employerDeadline: string;
  employerLateDays: number;
  employerInsured: boolean;
}

/**
 * Insured for work injury on the day: the employment with the employer includes the day and was registered
 * with the agency by then (an employment registered after the accident does not cover it).
 */
export function insuredOn(employments: readonly Employment[], employerId: number, day: string): boolean {
  const employment = employmentOn(employments, employerId, day);
  return employment !== undefined && employment.registeredOn <= day;
}

export function identificationFindings(
  facts: WorkInjuryFacts,
  filedOn: string,
  employerDays: number,
  employerInsured: boolean,
): IdentificationFindings {
  const employerDeadline = addDays(facts.eventDate, employerDays);
  // Whoever files in the end, an application after the employer's deadline shows the employer did not
  // apply in time (WIIR Art. 17).
  const employerLateDays = Math.max(0, daysBetween(employerDeadline, filedOn));
  return { employerDeadline, employerLateDays, employerInsured };
}

/**
 * Decides a work-injury identification as identified (WIIR Art. 20), with the officer's reasons and the
 * findings on the employer's deadline and insurance. A refusal (an exclusion of WIIR Art. 16, or not at work)
 * uses the refusal of any application. Identifying pays nothing: the benefits follow the appraisal and take a
 * second officer's approval.
 */
export async function identifyInjury(
  deps: BenefitsDeps,
  applicationId: number,
  input: unknown,
  persons: Pick<PersonLookup, 'listPersonEmployments'>,
  actor: Actor,
): Promise<ApplicationView> {
  const parsed = identificationInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const row = await requireApplication(deps, applicationId);
  requireKind(row, 'work-injury');
  const facts = JSON.parse(row.facts) as WorkInjuryFacts;
  const employerClock = await statutoryDays(deps, row.region_code, row.filed_on, 'injury-report-employer');
  const findings = identificationFindings(
    facts,
    row.filed_on,
    employerClock.days,
    insuredOn(await persons.listPersonEmployments(row.person_id), facts.employerId, facts.eventDate),
  );
  const reasons = [
    ...parsed.data.reasons,
    ...(findings.employerLateDays > 0
      ? [
          {
            code: 'employer-late',
            message: `The employer applied ${findings.employerLateDays} days after its deadline of ${findings.employerDeadline}: it bears the benefits of the injury arising in that period.`,
            source: 'WIIR Art. 17',
          },
        ]
      : []),
    ...(findings.employerInsured
      ? []
      : [
          {
            code: 'employer-uninsured',
            message:
              'The employer had not insured the person for work injury on the day: it owes the benefits; the fund may advance them and recover them from it.',
            source: 'WIIR Art. 62; SIL Art. 41',
          },
        ]),
  ];
  await moveApplication(
    deps,
    applicationId,
    {
      from: ['under-review', 'awaiting-material'],
      to: 'decided',
      event: 'decided',
      note: reasons.map((reason) => reason.message).join(' '),
      decision: { decision: 'identified', decision_reasons: JSON.stringify(reasons) },
    },
    actor,
  );
  return getApplication(deps, applicationId);
}
