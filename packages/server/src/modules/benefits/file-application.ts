import {
  addMonths,
  calculateRetirement,
  chinaDateOf,
  dateToPeriod,
  type RetirementGroup,
} from '@shebao/domain';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import type { Employer, Employment, Person } from '../registration/index.ts';
import {
  insertApplication,
  insertEvent,
  selectPersonApplications,
  setApplicationNo,
} from './applications.repository.ts';
import { tellApplicant } from './tell-applicant.ts';
import { newApplicationInput, type ApplicationView } from './applications.schemas.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { getApplication } from './read-application.ts';
import { checkBenefitFiling } from './filing-checks.ts';

/** What filing needs to know of the person and of their employments (registration answers). */
export interface PersonLookup {
  getPerson(personId: number): Promise<Person>;
  listEmployments(employerId: number, options?: { activeOn?: string }): Promise<Employment[]>;
  listPersonEmployments(personId: number): Promise<Employment[]>;
  getEmployer(employerId: number): Promise<Employer>;
}

export interface FileApplicationInput {
  personId: number;
  /** Set when an employer files for its employee. */
  employerId?: number;
  /** As filed: the facts' defaults (one baby, no dystocia) may be left out. */
  application: z.input<typeof newApplicationInput>;
}

const OPEN_STATES = new Set(['under-review', 'awaiting-material', 'proposed']);

/** The retirement group of a person: men by their sex, women by the post they claim (docs/RULES.md 4.9). */
export function retirementGroupOf(person: Person, claimed: RetirementGroup | undefined): RetirementGroup {
  if (person.sex === 'male') {
    if (claimed && claimed !== 'male')
      throw new AppError(ErrorCode.VALIDATION, 'facts.retirementGroup: a man retires in the group "male"', {
        field: 'facts.retirementGroup',
      });
    return 'male';
  }
  if (!claimed || claimed === 'male')
    throw new AppError(
      ErrorCode.VALIDATION,
      'facts.retirementGroup: say whether the original retirement age is 55 (female-55) or 50 (female-50)',
      { field: 'facts.retirementGroup' },
    );
  return claimed;
}

/**
 * The written notice a flexible choice needs (docs/RULES.md 4.11): an early start at least 3 months after
 * filing, a late one filed at least a month before the statutory month.
 */
function checkNotice(person: Person, group: RetirementGroup, chosenMonth: string, filedOn: string): void {
  const statutory = calculateRetirement({
    birthMonth: dateToPeriod(person.birthDate),
    group,
  }).retirementMonth;
  const filedMonth = dateToPeriod(filedOn);
  if (chosenMonth < statutory && addMonths(filedMonth, 3) > chosenMonth)
    throw new AppError(
      ErrorCode.VALIDATION,
      `facts.chosenMonth: an early start must be chosen in writing at least 3 months ahead; ${chosenMonth} is too soon after ${filedOn}`,
      { field: 'facts.chosenMonth', detailCode: 'early-retirement-notice', params: { chosenMonth } },
    );
  if (chosenMonth > statutory && addMonths(filedMonth, 1) > statutory)
    throw new AppError(
      ErrorCode.VALIDATION,
      `facts.chosenMonth: a later start must be agreed in writing at least a month before the statutory month ${statutory}`,
      {
        field: 'facts.chosenMonth',
        detailCode: 'late-retirement-notice',
        params: { statutoryMonth: statutory },
      },
    );
}

type ClockTable = Record<string, { days: number; unit: 'calendar-days' | 'working-days'; source: string }>;

/**
 * The decision clock of a kind in force on the day of filing: the service clocks of pensions and record
 * corrections, the statutory ones of work injury, unemployment and maternity (docs/RULES.md 14.1, 15.14).
 */
async function decisionClockOf(deps: BenefitsDeps, regionCode: string, filedOn: string, kind: string) {
  const book = await deps.policy.loadBook();
  const at = { regionCode, period: dateToPeriod(filedOn) };
  const service = book.require<ClockTable>('benefits.decisionClock', at).value;
  const clock =
    service[kind] ?? book.find<ClockTable>('benefits.statutoryClocks', at)?.value[kind] ?? undefined;
  if (!clock) throw new Error(`no decision clock for ${kind} in the region's policy`);
  return clock;
}

/**
 * Files an application (docs/RULES.md 14.1): by the person, by their employer or by staff at the counter.
 * Its clock is the one in force for the kind on the day of filing. One open pension application at a time.
 * One transaction: the application, its number and its first event.
 */
export async function fileApplication(
  deps: BenefitsDeps,
  persons: PersonLookup,
  input: FileApplicationInput,
  actor: Actor,
): Promise<ApplicationView> {
  const parsed = newApplicationInput.safeParse(input.application);
  if (!parsed.success) throw fromZodError(parsed.error);
  const application = parsed.data;
  const person = await persons.getPerson(input.personId);
  const filedOn = chinaDateOf(deps.clock.now());
  if (
    input.employerId !== undefined &&
    (application.kind === 'pension' || application.kind === 'record-correction')
  ) {
    const staff = await persons.listEmployments(input.employerId, { activeOn: filedOn });
    if (!staff.some((employment) => employment.personId === person.id))
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `person ${person.id} is not an employee of employer ${input.employerId}`,
        {
          detailCode: 'not-an-employee',
        },
      );
  }
  await checkBenefitFiling(
    {
      deps,
      person,
      employments: await persons.listPersonEmployments(person.id),
      employerId: input.employerId,
      filedOn,
    },
    application,
  );
  if (application.kind === 'pension') {
    const group = retirementGroupOf(person, application.facts.retirementGroup);
    if (application.facts.chosenMonth) checkNotice(person, group, application.facts.chosenMonth, filedOn);
    const open = (await selectPersonApplications(deps.db, person.id)).find(
      (row) => row.kind === 'pension' && OPEN_STATES.has(row.state),
    );
    if (open)
      throw new AppError(
        ErrorCode.CONFLICT,
        `a pension application (${open.application_no}) is already open`,
        { field: 'kind', detailCode: 'pension-claim-open', params: { applicationNo: open.application_no } },
      );
  }
  const clock = await decisionClockOf(deps, person.regionCode, filedOn, application.kind);
  const recordedAt = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertApplication(trx, {
      // Numbered by id below, inside the same transaction: unique without a counter to contend for.
      application_no: `pending-${randomUUID()}`,
      kind: application.kind,
      person_id: person.id,
      employer_id: input.employerId ?? null,
      region_code: person.regionCode,
      filed_by: actor.side,
      filed_by_login: actor.login,
      facts: JSON.stringify(application.facts),
      state: 'under-review',
      filed_on: filedOn,
      clock_days: clock.days,
      clock_unit: clock.unit,
      clock_source: clock.source,
      decision: null,
      decision_reasons: null,
      decided_on: null,
      approval_id: null,
      recorded_at: recordedAt,
      updated_at: recordedAt,
    });
    const applicationNo = `AP${filedOn.replaceAll('-', '')}${String(id).padStart(8, '0')}`;
    await setApplicationNo(trx, id, applicationNo);
    await insertEvent(trx, {
      application_id: id,
      kind: 'filed',
      on_date: filedOn,
      by_login: actor.login,
      note: null,
      recorded_at: recordedAt,
    });
    await tellApplicant(
      trx,
      {
        id,
        application_no: applicationNo,
        kind: application.kind,
        person_id: person.id,
        region_code: person.regionCode,
      },
      'filed',
      null,
      null,
      recordedAt,
    );
    return id;
  });
  return getApplication(deps, id);
}
