import { addDays, addMonthsToDate, chinaDateOf } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { insertEvent } from './applications.repository.ts';
import { dateText } from './applications.schemas.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { insertAppraisal, selectAppraisals, type AppraisalRow } from './injury-appraisals.repository.ts';
import { requireApplication, requireIdentifiedInjury } from './read-application.ts';
import { statutoryDays, statutoryMonths } from './statutory-clocks.ts';

/** The appraisal committee's conclusion, as staff record it (WIIR Arts. 21–28). */
export const appraisalInput = z.strictObject({
  kind: z.enum(['initial', 're-appraisal', 'review']),
  /** 1 (most severe) to 10; null when the injury reaches no grade. */
  grade: z.number().int('must be a whole number').min(1).max(10).nullable(),
  nursing: z.enum(['none', 'full', 'most', 'part']),
  requestedOn: dateText,
  concludedOn: dateText,
  committeeRef: z.string().trim().min(1, 'give the committee’s reference').max(100),
});
export type AppraisalInput = z.infer<typeof appraisalInput>;

export interface AppraisalView {
  id: number;
  kind: AppraisalRow['kind'];
  grade: number | null;
  nursing: AppraisalRow['nursing'];
  requestedOn: string;
  concludedOn: string;
  committeeRef: string;
  /** The last day a party may ask for a re-appraisal of this conclusion (WIIR Art. 26). */
  reappraisalUntil: string;
  /** The first day a review appraisal may be asked for (WIIR Art. 28). */
  reviewFrom: string;
}

function fail(field: string, message: string): never {
  throw new AppError(ErrorCode.VALIDATION, `${field}: ${message}`, {
    field,
    detailCode: 'facts-inconsistent',
  });
}

async function clocksOf(deps: BenefitsDeps, regionCode: string, concludedOn: string) {
  const reappraisal = await statutoryDays(deps, regionCode, concludedOn, 'injury-reappraisal-request');
  const review = await statutoryMonths(deps, regionCode, concludedOn, 'injury-review-appraisal');
  return {
    reappraisalUntil: addDays(concludedOn, reappraisal.days),
    reviewFrom: addMonthsToDate(concludedOn, review.months),
  };
}

export async function appraisalViews(deps: BenefitsDeps, applicationId: number): Promise<AppraisalView[]> {
  const application = await requireApplication(deps, applicationId);
  const views: AppraisalView[] = [];
  for (const row of await selectAppraisals(deps.db, applicationId))
    views.push({
      id: Number(row.id),
      kind: row.kind,
      grade: row.grade,
      nursing: row.nursing,
      requestedOn: row.requested_on,
      concludedOn: row.concluded_on,
      committeeRef: row.committee_ref,
      ...(await clocksOf(deps, application.region_code, row.concluded_on)),
    });
  return views;
}

/**
 * Records an appraisal of an identified injury (docs/RULES.md 15.16): the first once; a re-appraisal only when
 * asked for within 15 days of the conclusion before it; a review only a year or more after it. Dates come in
 * order and none is after today.
 */
export async function recordAppraisal(
  deps: BenefitsDeps,
  applicationId: number,
  input: unknown,
  actor: Actor,
): Promise<AppraisalView[]> {
  const parsed = appraisalInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const appraisal = parsed.data;
  const application = await requireApplication(deps, applicationId);
  requireIdentifiedInjury(application);
  const today = chinaDateOf(deps.clock.now());
  if (appraisal.concludedOn > today) fail('concludedOn', `${appraisal.concludedOn} is after today`);
  if (appraisal.requestedOn > appraisal.concludedOn) fail('requestedOn', 'is after the conclusion');
  if (appraisal.requestedOn < (application.decided_on ?? application.filed_on))
    fail('requestedOn', 'is before the injury was identified');
  const before = await selectAppraisals(deps.db, applicationId);
  const last = before.at(-1);
  if (appraisal.kind === 'initial' && last) fail('kind', 'the first appraisal is recorded already');
  if (appraisal.kind !== 'initial') {
    if (!last) fail('kind', 'there is no appraisal yet: record the first');
    const clocks = await clocksOf(deps, application.region_code, last.concluded_on);
    if (appraisal.requestedOn < last.concluded_on) fail('requestedOn', 'is before the conclusion it follows');
    if (appraisal.kind === 're-appraisal' && appraisal.requestedOn > clocks.reappraisalUntil)
      fail(
        'requestedOn',
        `a re-appraisal is asked for by ${clocks.reappraisalUntil}, 15 days after the conclusion of ${last.concluded_on} (WIIR Art. 26)`,
      );
    if (appraisal.kind === 'review' && appraisal.requestedOn < clocks.reviewFrom)
      fail(
        'requestedOn',
        `a review appraisal may be asked for from ${clocks.reviewFrom}, a year after the conclusion of ${last.concluded_on} (WIIR Art. 28)`,
      );
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertAppraisal(trx, {
      application_id: applicationId,
      kind: appraisal.kind,
      grade: appraisal.grade,
      nursing: appraisal.nursing,
      requested_on: appraisal.requestedOn,
      concluded_on: appraisal.concludedOn,
      committee_ref: appraisal.committeeRef,
      recorded_by: actor.login,
      recorded_at: at,
    });
    await insertEvent(trx, {
      application_id: applicationId,
      kind: 'appraisal-recorded',
      on_date: today,
      by_login: actor.login,
      note: `${appraisal.kind}: ${appraisal.grade === null ? 'no grade' : `grade ${appraisal.grade}`}, nursing ${appraisal.nursing} (${appraisal.committeeRef})`,
      recorded_at: at,
    });
  });
  return appraisalViews(deps, applicationId);
}

/**
 * A party not satisfied with the latest conclusion asks for a re-appraisal (WIIR Art. 26), within 15 days of
 * it: the request is recorded on the identification (the committee's new conclusion is recorded later as a
 * re-appraisal); after the 15 days it is refused with the last day named.
 */
export async function requestReappraisal(
  deps: BenefitsDeps,
  applicationId: number,
  note: string,
  actor: Actor,
): Promise<AppraisalView[]> {
  const application = await requireApplication(deps, applicationId);
  const last = (await selectAppraisals(deps.db, applicationId)).at(-1);
  if (application.kind !== 'work-injury' || !last)
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.application_no} has no appraisal to contest`,
      {
        field: 'applicationId',
        detailCode: 'application-state',
      },
    );
  const today = chinaDateOf(deps.clock.now());
  const { reappraisalUntil } = await clocksOf(deps, application.region_code, last.concluded_on);
  if (today > reappraisalUntil)
    fail(
      'applicationId',
      `a re-appraisal is asked for by ${reappraisalUntil}, 15 days after the conclusion of ${last.concluded_on} (WIIR Art. 26)`,
    );
  const at = deps.clock.now().toISOString();
  await insertEvent(deps.db, {
    application_id: applicationId,
    kind: 'reappraisal-requested',
    on_date: today,
    by_login: actor.login,
    note,
    recorded_at: at,
  });
  return appraisalViews(deps, applicationId);
}
