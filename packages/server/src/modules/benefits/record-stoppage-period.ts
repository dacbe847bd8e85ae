import { addDays, addMonthsToDate, chinaDateOf } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { insertEvent } from './applications.repository.ts';
import { dateText, type WorkInjuryFacts } from './applications.schemas.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { selectAppraisals } from './injury-appraisals.repository.ts';
import {
  insertStoppagePeriod,
  selectStoppagePeriods,
  type StoppagePeriodRow,
} from './injury-stoppage-periods.repository.ts';
import { requireApplication, requireIdentifiedInjury } from './read-application.ts';

/** At most 12 months, and 12 more the appraisal committee confirms (WIIR Art. 33). */
const MAX_MONTHS = 12;

/** The stoppage period with pay, or its extension, as staff record it (docs/RULES.md 15.23). */
export const stoppagePeriodInput = z.strictObject({
  kind: z.enum(['initial', 'extension']),
  /** The first day; an extension starts the day after the period it extends, so it is left out. */
  startsOn: dateText.optional(),
  months: z.number().int('must be a whole number').min(1).max(MAX_MONTHS),
  /** The appraisal committee's confirmation; an extension needs it. */
  committeeRef: z.string().trim().min(1).max(100).optional(),
});

export interface StoppagePeriodView {
  id: number;
  kind: StoppagePeriodRow['kind'];
  startsOn: string;
  endsOn: string;
  months: number;
  committeeRef: string | null;
}

function fail(field: string, message: string): never {
  throw new AppError(ErrorCode.VALIDATION, `${field}: ${message}`, {
    field,
    detailCode: 'facts-inconsistent',
  });
}

function viewOf(row: StoppagePeriodRow): StoppagePeriodView {
  return {
    id: Number(row.id),
    kind: row.kind,
    startsOn: row.starts_on,
    endsOn: addDays(addMonthsToDate(row.starts_on, row.months), -1),
    months: row.months,
    committeeRef: row.committee_ref,
  };
}

export async function stoppagePeriodViews(
  deps: BenefitsDeps,
  applicationId: number,
): Promise<StoppagePeriodView[]> {
  await requireApplication(deps, applicationId);
  return (await selectStoppagePeriods(deps.db, applicationId)).map(viewOf);
}

/**
 * Records the stoppage period with pay of an identified injury (WIIR Art. 33; docs/RULES.md 15.23), during which
 * the employer goes on paying the wage: the period once, from a day not before the injury and not after today,
 * up to 12 months; then extensions the appraisal committee confirms, each from the day after the period
 * before it ends, up to 12 months in all. An appraisal concluded ends the period: no extension starts after it.
 */
export async function recordStoppagePeriod(
  deps: BenefitsDeps,
  applicationId: number,
  input: unknown,
  actor: Actor,
): Promise<StoppagePeriodView[]> {
  const parsed = stoppagePeriodInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const period = parsed.data;
  const application = await requireApplication(deps, applicationId);
  requireIdentifiedInjury(application);
  const injury = JSON.parse(application.facts) as WorkInjuryFacts;
  const today = chinaDateOf(deps.clock.now());
  const before = (await selectStoppagePeriods(deps.db, applicationId)).map(viewOf);
  let startsOn: string;
  if (period.kind === 'initial') {
    if (before.length > 0) fail('kind', 'the stoppage period is recorded already: extend it');
    if (!period.startsOn) fail('startsOn', 'give the first day of the stoppage period');
    if (period.startsOn < injury.eventDate)
      fail('startsOn', `${period.startsOn} is before the injury of ${injury.eventDate}`);
    if (period.startsOn > today) fail('startsOn', `${period.startsOn} is after today`);
    startsOn = period.startsOn;
  } else {
    const last = before.at(-1);
    if (!last) fail('kind', 'there is no stoppage period to extend: record it first');
    if (!period.committeeRef)
      fail('committeeRef', 'an extension needs the appraisal committee’s confirmation');
    const extended = before
      .filter((row) => row.kind === 'extension')
      .reduce((sum, row) => sum + row.months, 0);
    if (extended + period.months > MAX_MONTHS)
      fail(
        'months',
        `the extensions would come to ${extended + period.months} months; at most ${MAX_MONTHS} (WIIR Art. 33)`,
      );
    startsOn = addDays(last.endsOn, 1);
    const appraised = (await selectAppraisals(deps.db, applicationId)).find(
      (appraisal) => appraisal.concluded_on < startsOn,
    );
    if (appraised)
      fail(
        'kind',
        `the appraisal concluded on ${appraised.concluded_on} ended the stoppage period; the disability benefits follow (WIIR Art. 33)`,
      );
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertStoppagePeriod(trx, {
      application_id: applicationId,
      kind: period.kind,
      starts_on: startsOn,
      months: period.months,
      committee_ref: period.committeeRef ?? null,
      recorded_by: actor.login,
      recorded_at: at,
    });
    await insertEvent(trx, {
      application_id: applicationId,
      kind: 'stoppage-recorded',
      on_date: today,
      by_login: actor.login,
      note: `${period.kind === 'initial' ? 'stoppage period' : 'extension'} of ${period.months} months from ${startsOn}${period.committeeRef ? ` (${period.committeeRef})` : ''}`,
      recorded_at: at,
    });
  });
  return stoppagePeriodViews(deps, applicationId);
}
