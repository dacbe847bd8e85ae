import {
  chinaDateOf,
  dateToPeriod,
  readStatutoryClock,
  type ClockPause,
  type ClockReading,
  type WorkingCalendar,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import {
  selectApplication,
  selectDocuments,
  selectEvents,
  selectEventsOf,
  type ApplicationRow,
  type EventRow,
} from './applications.repository.ts';
import type { ApplicationView, DecisionReason } from './applications.schemas.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import { correctionOf } from './read-correction.ts';

/** The region's working-day calendar in force on a day (docs/RULES.md 14.2); an unknown year is Monday-Friday. */
export async function workingCalendarOf(
  deps: BenefitsDeps,
  regionCode: string,
  on: string,
): Promise<WorkingCalendar> {
  const book = await deps.policy.loadBook();
  const found = book.find<{ holidays?: string[]; workingWeekendDays?: string[] }>('calendar.workingDays', {
    regionCode,
    period: dateToPeriod(on),
  });
  return {
    holidays: new Set(found?.value.holidays ?? []),
    workingWeekendDays: new Set(found?.value.workingWeekendDays ?? []),
  };
}

/** The pauses of the clock: from each request for material to the material's arrival (docs/RULES.md 14.1). */
export function pausesOf(events: readonly EventRow[]): ClockPause[] {
  const pauses: ClockPause[] = [];
  for (const event of events) {
    if (event.kind === 'material-requested') pauses.push({ from: event.on_date, to: null });
    else if (event.kind === 'material-received' && pauses.at(-1)?.to === null)
      pauses.at(-1)!.to = event.on_date;
  }
  return pauses;
}

/** The clock of an application on a day; a decided or withdrawn application's clock stopped on that day. */
export function clockOf(
  row: ApplicationRow,
  events: readonly EventRow[],
  calendar: WorkingCalendar,
  today: string,
): ClockReading & { days: number; unit: ApplicationRow['clock_unit']; source: string } {
  const ended = events.find((event) => event.kind === 'decided' || event.kind === 'withdrawn');
  const asOf = ended ? ended.on_date : today;
  const reading = readStatutoryClock(
    row.filed_on,
    { days: row.clock_days, unit: row.clock_unit, source: row.clock_source },
    pausesOf(events),
    calendar,
    asOf < row.filed_on ? row.filed_on : asOf,
  );
  return { days: row.clock_days, unit: row.clock_unit, source: row.clock_source, ...reading };
}

export function toApplicationView(
  row: ApplicationRow,
  events: readonly EventRow[],
  documents: Awaited<ReturnType<typeof selectDocuments>>,
  calendar: WorkingCalendar,
  today: string,
): ApplicationView {
  return {
    id: row.id,
    applicationNo: row.application_no,
    kind: row.kind,
    personId: row.person_id,
    employerId: row.employer_id,
    regionCode: row.region_code,
    filedBy: row.filed_by,
    filedOn: row.filed_on,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    state: row.state,
    clock: clockOf(row, events, calendar, today),
    decision:
      row.decision && row.decided_on
        ? {
            kind: row.decision,
            reasons: JSON.parse(row.decision_reasons ?? '[]') as DecisionReason[],
            decidedOn: row.decided_on,
          }
        : null,
    approvalId: row.approval_id,
    events: events.map((event) => ({
      kind: event.kind,
      onDate: event.on_date,
      byLogin: event.by_login,
      note: event.note,
    })),
    documents: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      fileName: document.file_name,
      mediaType: document.media_type,
      sizeBytes: document.size_bytes,
      sha256: document.sha256,
      recordedAt: document.recorded_at,
    })),
  };
}

export async function requireApplication(deps: BenefitsDeps, id: number): Promise<ApplicationRow> {
  const row = await selectApplication(deps.db, id);
  if (!row)
    throw new AppError(ErrorCode.NOT_FOUND, `application ${id} does not exist`, { field: 'applicationId' });
  return row;
}

/**
 * One application with its events, documents and clock as of today; a request to correct the record with
 * its latest correction proposed and what granting it caused.
 */
export async function getApplication(deps: BenefitsDeps, id: number): Promise<ApplicationView> {
  const row = await requireApplication(deps, id);
  const today = chinaDateOf(deps.clock.now());
  const [events, documents, calendar, correction] = await Promise.all([
    selectEvents(deps.db, id),
    selectDocuments(deps.db, id),
    workingCalendarOf(deps, row.region_code, today),
    row.kind === 'record-correction' ? correctionOf(deps.db, id) : null,
  ]);
  return { ...toApplicationView(row, events, documents, calendar, today), correction };
}

/** Views of many applications of one region (a queue page or a person's list), documents left out. */
export async function viewsOf(
  deps: BenefitsDeps,
  rows: readonly ApplicationRow[],
): Promise<ApplicationView[]> {
  const today = chinaDateOf(deps.clock.now());
  const events = await selectEventsOf(
    deps.db,
    rows.map((row) => row.id),
  );
  const eventsOf = new Map<number, EventRow[]>();
  for (const event of events) {
    const list = eventsOf.get(event.application_id);
    if (list) list.push(event);
    else eventsOf.set(event.application_id, [event]);
  }
  const calendars = new Map<string, WorkingCalendar>();
  const views: ApplicationView[] = [];
  for (const row of rows) {
    let calendar = calendars.get(row.region_code);
    if (!calendar)
      calendars.set(row.region_code, (calendar = await workingCalendarOf(deps, row.region_code, today)));
    views.push(toApplicationView(row, eventsOf.get(row.id) ?? [], [], calendar, today));
  }
  return views;
}

/** An appraisal or a stoppage period follows an identified work injury only (docs/RULES.md 15.16, 15.23). */
export function requireIdentifiedInjury(application: ApplicationRow): void {
  if (application.kind !== 'work-injury' || application.decision !== 'identified')
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${application.application_no} is not an identified work injury`,
      { field: 'applicationId', detailCode: 'injury-not-identified' },
    );
}
