import { parsePeriod, parseRegionCode, type RegionCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { employeeMonthlyDetails } from '../employer-notices/index.ts';
import {
  countPersonsInRegion,
  selectEmployersInRegion,
  selectPersonIdsInRegion,
} from '../registration/index.ts';
import { issueRightsStatement, type SigningKey } from '../statements/index.ts';
import { selectMonthlyDetailsEmployers, selectUnreachable } from './contacts.repository.ts';
import { enqueueNotices } from './enqueue-notices.ts';
import type { NoticeDraft } from './notice-kinds.ts';
import {
  insertRunIfAbsent,
  selectKnownEventKeys,
  updateRun,
  type NoticeRunRow,
} from './notice-runs.repository.ts';
import { noticeRunInput, type NoticeRunInput } from './notifications.schemas.ts';

export interface NoticeRunDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The yearly statement is issued and signed with it; the monthly details need none. */
  statements?: { signingKey: SigningKey; publicBaseUrl: string } | undefined;
}

/** A run whose heartbeat is older than this is taken as interrupted and may be resumed. */
export const RUN_STALE_AFTER_MS = 60_000;
const PERSONS_PER_CHUNK = 50;
const EMPLOYERS_PER_CHUNK = 10;

/**
 * A run that tells a whole region (docs/RULES.md 17.5): the yearly rights statement to every person
 * insured there, or the monthly details of SIL Art. 60 to the staff of every employer that chose it. It
 * goes through the region a chunk at a time, each chunk one transaction that writes its notices (and
 * statements) and moves the run's cursor, so a run stopped anywhere resumes after the last chunk done,
 * and a run done is done: starting it again changes nothing. The channels' pace is the worker's
 * (deliver-notices.ts).
 */
export async function runNoticeBatch(
  deps: NoticeRunDeps,
  input: NoticeRunInput,
  startedBy: string,
  onProgress?: (run: NoticeRunRow) => void,
): Promise<NoticeRunRow> {
  const parsed = noticeRunInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { kind, period } = parsed.data;
  const regionCode = parseRegionCode(parsed.data.regionCode, 'regionCode');
  checkPeriod(kind, period);
  const statements = deps.statements;
  if (kind === 'yearly-statement' && !statements)
    throw new Error('the yearly statement needs the signing key (NoticeRunDeps.statements)');

  const now = () => deps.clock.now().toISOString();
  const total =
    kind === 'yearly-statement'
      ? await countPersonsInRegion(deps.db, regionCode)
      : await countEmployersInRegion(deps.db, regionCode);
  let run = await insertRunIfAbsent(deps.db, {
    kind,
    region_code: regionCode,
    period,
    total,
    started_by: startedBy,
    started_at: now(),
    heartbeat_at: now(),
  });
  if (run.status === 'done') return run;
  const fresh = deps.clock.now().getTime() - Date.parse(run.heartbeat_at) < RUN_STALE_AFTER_MS;
  if (run.status === 'running' && fresh && Number(run.done) > 0)
    throw new AppError(
      ErrorCode.CONFLICT,
      `notice run ${run.id} is running: wait for it or resume it later`,
      {
        field: 'period',
        detailCode: 'notice-run-busy',
      },
    );
  await updateRun(deps.db, run.id, { status: 'running', error: null, heartbeat_at: now(), total });
  run = { ...run, status: 'running', total };
  onProgress?.(run);

  try {
    for (;;) {
      const step =
        kind === 'yearly-statement'
          ? await yearlyChunk(deps, regionCode, Number(period), Number(run.cursor_id))
          : await monthlyDetailsChunk(deps, regionCode, period, Number(run.cursor_id));
      if (step === null) break;
      run = {
        ...run,
        cursor_id: step.cursorId,
        done: Number(run.done) + step.done,
        enqueued: Number(run.enqueued) + step.enqueued,
        heartbeat_at: now(),
      };
      onProgress?.(run);
    }
    const finished = { status: 'done' as const, finished_at: now(), heartbeat_at: now() };
    await updateRun(deps.db, run.id, finished);
    return { ...run, ...finished };
  } catch (error) {
    await updateRun(deps.db, run.id, {
      status: 'failed',
      error: error instanceof Error ? error.message.slice(0, 1000) : String(error),
      heartbeat_at: now(),
    }).catch(() => undefined);
    throw error;
  }

  async function countEmployersInRegion(db: Kysely<Database>, code: RegionCode): Promise<number> {
    let count = 0;
    let after = 0;
    for (;;) {
      const page = await selectEmployersInRegion(db, code, after, 5_000);
      if (page.length === 0) return count;
      count += page.length;
      after = page[page.length - 1]!.id;
    }
  }

  /** One chunk of persons in one transaction: a statement and its notice each, unless told already. */
  async function yearlyChunk(deps: NoticeRunDeps, code: RegionCode, year: number, afterId: number) {
    const persons = await selectPersonIdsInRegion(deps.db, code, afterId, PERSONS_PER_CHUNK);
    if (persons.length === 0) return null;
    const cursorId = persons[persons.length - 1]!.id;
    const enqueued = await deps.db.transaction().execute(async (trx) => {
      const keyOf = (personId: number) => `yearly:${year}:${personId}`;
      const known = await selectKnownEventKeys(
        trx,
        persons.map((person) => keyOf(person.id)),
      );
      const drafts: NoticeDraft[] = [];
      for (const person of persons) {
        if (known.has(keyOf(person.id))) continue;
        const issued = await issueRightsStatement(
          { ...statements!, db: trx, clock: deps.clock },
          { personId: person.id, year },
        );
        drafts.push({
          recipient: { kind: 'person', id: person.id },
          kind: 'statement.yearly',
          eventKey: keyOf(person.id),
          regionCode: person.region_code,
          params: { year: String(year), code: issued.code, url: issued.verifyUrl },
          link: '/person/statements',
        });
      }
      const written = await enqueueNotices(trx, deps.clock.now(), drafts);
      await advance(trx, persons.length, written, cursorId);
      return written;
    });
    return { cursorId, done: persons.length, enqueued };
  }

  /**
   * One chunk of employers: the staff of each that chose it are told their month, and the employer who
   * of them has no channel to be reached on.
   */
  async function monthlyDetailsChunk(deps: NoticeRunDeps, code: RegionCode, month: string, afterId: number) {
    const employers = await selectEmployersInRegion(deps.db, code, afterId, EMPLOYERS_PER_CHUNK);
    if (employers.length === 0) return null;
    const cursorId = employers[employers.length - 1]!.id;
    const enqueued = await deps.db.transaction().execute(async (trx) => {
      const chosen = new Set(
        await selectMonthlyDetailsEmployers(
          trx,
          employers.map((employer) => employer.id),
        ),
      );
      const drafts: NoticeDraft[] = [];
      for (const employer of employers.filter((it) => chosen.has(it.id))) {
        const details = await employeeMonthlyDetails(
          { db: trx },
          { employerId: employer.id, period: month },
        ).catch((error: unknown) => {
          // An employer with no bill for the month has nothing to tell.
          if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) return null;
          throw error;
        });
        if (!details) continue;
        for (const employee of details.employees)
          drafts.push({
            recipient: { kind: 'person', id: employee.personId },
            kind: 'monthly.details',
            eventKey: `details:${employer.id}:${month}:${employee.personId}`,
            regionCode: employer.region_code,
            params: {
              period: month,
              employer: employer.name,
              baseFen: employee.insurances.pension?.baseFen ?? 0,
              employeeFen: employee.employeeFen,
              employerFen: employee.employerFen,
              paid: employee.paid ? 'yes' : 'no',
            },
            link: '/person/record',
          });
        const unreachable = await selectUnreachable(
          trx,
          details.employees.map((employee) => employee.personId),
        );
        const names = details.employees
          .filter((employee) => unreachable.has(employee.personId))
          .map((employee) => `${employee.name}（${employee.idNumberMasked}）`);
        drafts.push({
          recipient: { kind: 'employer', id: employer.id },
          kind: 'monthly.unreached',
          eventKey: `unreached:${employer.id}:${month}`,
          regionCode: employer.region_code,
          params: {
            period: month,
            sent: details.employees.length - unreachable.size,
            unreached: unreachable.size,
            names: names.join('、'),
          },
          link: '/employer/notices',
        });
      }
      const written = await enqueueNotices(trx, deps.clock.now(), drafts);
      await advance(trx, employers.length, written, cursorId);
      return written;
    });
    return { cursorId, done: employers.length, enqueued };
  }

  async function advance(trx: Kysely<Database>, done: number, enqueued: number, cursorId: number) {
    await updateRun(trx, run.id, {
      cursor_id: cursorId,
      done: Number(run.done) + done,
      enqueued: Number(run.enqueued) + enqueued,
      heartbeat_at: now(),
    });
  }
}

function checkPeriod(kind: NoticeRunInput['kind'], period: string): void {
  if (kind === 'yearly-statement') {
    if (!/^\d{4}$/.test(period))
      throw new AppError(ErrorCode.VALIDATION, 'period: the yearly statement is for a year YYYY', {
        field: 'period',
      });
    return;
  }
  if (!/^\d{4}-\d{2}$/.test(period))
    throw new AppError(ErrorCode.VALIDATION, 'period: the monthly details are for a month YYYY-MM', {
      field: 'period',
    });
  parsePeriod(period, 'period');
}
