import {
  toBaseDeclarations,
  type BaseFileDefaults,
  type BaseFileError,
  type BaseFileRecord,
} from './base-file.ts';
import type { RegistrationContext } from './context.ts';
import { declareBases } from './declare-bases.ts';

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
