import { dateToPeriod, findContributionCycle, rangesOverlap, type ContributionCycle } from '@shebao/domain';
import {
  toBaseDeclarations,
  type BaseFileDefaults,
  type BaseFileError,
  type BaseFileRecord,
  type BaseFileTemplateRow,
} from './base-file.ts';
import type { RegistrationContext } from './context.ts';
import { declareBases } from './declare-bases.ts';
import { notFound, withPolicy } from './failures.ts';
import {
  selectEmployerById,
  selectEmploymentsOfEmployer,
  selectLatestBasesOfEmployer,
  selectPersonsByIds,
} from './registration.repository.ts';

/** With `dryRun` nothing is written; `declared` counts the rows that would be. */
export type BaseFileResult =
  | { ok: true; declared: number; cycleStart: string }
  | { ok: false; declared: 0; cycleStart: string; errors: BaseFileError[] };

export interface BaseFileRequest {
  employerId: number;
  cycleStart: string;
  dryRun?: boolean;
}

/** A file whose rows name their own employers and years: what `declared` and `errors` say is as above. */
export type BaseRowsFileResult =
  { ok: true; declared: number } | { ok: false; declared: 0; errors: BaseFileError[] };

/**
 * Declares the bases of an employer's file for one contribution year, all rows or none. Rows refused on
 * reading (an amount that is not yuan) and rows refused by the declaration's own checks are reported
 * together, by line, so that one upload shows everything to fix; while any row is refused nothing is
 * written.
 */
export async function declareBaseFile(
  context: RegistrationContext,
  records: readonly BaseFileRecord[],
  request: BaseFileRequest,
): Promise<BaseFileResult> {
  const { employerId, cycleStart, dryRun } = request;
  const result = await applyBaseFile(context, records, { employerId, cycleStart }, dryRun === true);
  return { ...result, cycleStart };
}

/**
 * Declares the bases of a file whose rows name their employer and contribution year (the command line's
 * `--file`), read, checked and applied as an employer's file is: all rows or none, errors by line.
 */
export function declareBaseRowsFile(
  context: RegistrationContext,
  records: readonly BaseFileRecord[],
  options: { dryRun?: boolean } = {},
): Promise<BaseRowsFileResult> {
  return applyBaseFile(context, records, {}, options.dryRun === true);
}

async function applyBaseFile(
  context: RegistrationContext,
  records: readonly BaseFileRecord[],
  defaults: BaseFileDefaults,
  dryRun: boolean,
): Promise<BaseRowsFileResult> {
  const { declarations, errors } = toBaseDeclarations(records, defaults);
  const result = await declareBases(
    context,
    declarations.map((entry) => entry.input),
    { dryRun: dryRun || errors.length > 0 },
  );
  if (!result.ok) {
    for (const error of result.errors) {
      const source = declarations[error.row - 1]!;
      errors.push({
        line: source.line,
        row: source.row,
        field: error.field,
        reason: error.reason,
        code: error.code,
      });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, declared: 0, errors };
  }
  return { ok: true, declared: result.declared };
}

/** The contribution year (缴费年度) of an employer's region that contains a month. */
export async function employerContributionYear(
  context: RegistrationContext,
  employerId: number,
  period: string,
): Promise<ContributionCycle & { regionCode: string }> {
  const employer = await selectEmployerById(context.db, employerId);
  if (!employer) throw notFound('employerId', `no employer has id ${employerId}`);
  // No year is reckoned outside the region's coverage or beyond the horizon (docs/RULES.md 10.5).
  await context.checkPeriod(period, 'period', employer.regionCode);
  const book = await context.loadBook();
  const cycle = withPolicy('period', () => findContributionCycle(book, employer.regionCode, period));
  return { ...cycle, regionCode: employer.regionCode };
}

/**
 * What the employer's file should hold for a contribution year: everyone employed at some time in it,
 * in order of hiring, with the latest base already declared (empty where none is).
 */
export async function baseFileTemplate(
  context: RegistrationContext,
  employerId: number,
  cycleStart: string,
): Promise<BaseFileTemplateRow[]> {
  const cycle = await employerContributionYear(context, employerId, cycleStart);
  const employments = (await selectEmploymentsOfEmployer(context.db, employerId)).filter((employment) =>
    rangesOverlap(
      {
        from: dateToPeriod(employment.hiredOn),
        to: employment.leftOn === null ? null : dateToPeriod(employment.leftOn),
      },
      { from: cycle.start, to: cycle.end },
    ),
  );
  const personIds = [...new Set(employments.map((employment) => employment.personId))];
  const persons = new Map((await selectPersonsByIds(context.db, personIds)).map((p) => [p.id, p]));
  const bases = new Map(
    (await selectLatestBasesOfEmployer(context.db, employerId, cycle.start)).map((b) => [b.personId, b]),
  );
  return personIds.map((personId) => {
    const person = persons.get(personId)!;
    return {
      personId,
      idNumber: person.idNumber,
      name: person.name,
      declaredFen: bases.get(personId)?.declaredFen ?? null,
    };
  });
}
