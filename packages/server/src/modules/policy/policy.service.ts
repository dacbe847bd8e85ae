import {
  addMonths,
  chinaDateOf,
  checkParameterValue,
  dateToPeriod,
  isParameterName,
  isPeriod,
  PARAMETER_CATALOGUE,
  PolicyBook,
  SEED_PARAMETERS,
  type ParameterDefinition,
  type PolicyParameter,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { Clock } from '../../app/clock.ts';
import { selectRegionCodes } from '../regions/index.ts';
import {
  countParameters,
  selectParameterNames,
  insertParameters,
  selectAllParameters,
  selectLatestVersion,
  selectParameters,
  toParameterRow,
  toPolicyParameter,
} from './policy.repository.ts';

export type NewParameterVersion = Omit<PolicyParameter, 'version' | 'recordedAt'>;

export interface PolicyService {
  /** All parameter versions as an in-memory book for the calculators; cached until a version is added. */
  loadBook(): Promise<PolicyBook>;
  list(filter: { name?: string; regionCode?: string }): Promise<PolicyParameter[]>;
  /**
   * Records a new version of a parameter (never an edit of an old one). An approved change passes who
   * approved it and the approval's transaction, so the version and the decision commit together.
   */
  addVersion(
    input: NewParameterVersion,
    recordedBy: string,
    options?: { approvedBy?: string; trx?: Kysely<Database> },
  ): Promise<PolicyParameter>;
  /**
   * Loads the seed parameters into an empty table, and into one in use the parameters it has never had;
   * answers how many versions it wrote.
   */
  seedIfEmpty(): Promise<number>;
  /** Every check addVersion makes before writing, so a proposal is refused when it is made. */
  checkVersion(input: NewParameterVersion, trx?: Kysely<Database>): Promise<void>;
  /**
   * Refuses a period outside what can be billed or reckoned (docs/RULES.md 10.5): before the region's policy coverage starts (when a region is given), or more than the
   * horizon ahead of the current month. The error names the field.
   */
  checkPeriod(period: string, field: string, regionCode?: string): Promise<void>;
}

export interface PolicyOptions {
  /** How many months after the current one a period may lie (SHEBAO_PERIOD_HORIZON_MONTHS). */
  readonly periodHorizonMonths: number;
}

export const DEFAULT_PERIOD_HORIZON_MONTHS = 12;

export function createPolicyService(
  db: Kysely<Database>,
  clock: Clock,
  options: PolicyOptions = { periodHorizonMonths: DEFAULT_PERIOD_HORIZON_MONTHS },
): PolicyService {
  let book: Promise<PolicyBook> | undefined;
  function loadBook(): Promise<PolicyBook> {
    book ??= selectAllParameters(db).then((rows) => new PolicyBook(rows.map(toPolicyParameter)));
    return book;
  }
  const invalid = (field: string, reason: string) =>
    new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, { field });

  return {
    async checkPeriod(period, field, regionCode) {
      if (!isPeriod(period)) throw invalid(field, `"${period}" is not a month in the form YYYY-MM`);
      const latest = addMonths(dateToPeriod(chinaDateOf(clock.now())), options.periodHorizonMonths);
      if (period > latest)
        throw invalid(
          field,
          `${period} is more than ${options.periodHorizonMonths} months ahead (the latest is ${latest})`,
        );
      if (regionCode === undefined) return;
      const start = (await loadBook()).coverageStart(regionCode);
      if (start === undefined || period < start)
        throw invalid(
          field,
          start === undefined
            ? `no policy parameters cover region ${regionCode}`
            : `${period} is before the policy parameters of region ${regionCode} begin (${start})`,
        );
    },

    loadBook,

    async checkVersion(input, trx) {
      checkNewVersion(input, await selectRegionCodes(trx ?? db));
    },

    async list(filter) {
      return (await selectParameters(db, filter)).map(toPolicyParameter);
    },

    async addVersion(input, recordedBy, options = {}) {
      const regionCodes = await selectRegionCodes(options.trx ?? db);
      checkNewVersion(input, regionCodes);
      const recordedAt = clock.now().toISOString();
      const write = async (trx: Kysely<Database>) => {
        const version = (await selectLatestVersion(trx, { ...input, version: 0 })) + 1;
        const parameter: PolicyParameter = { ...input, version, recordedAt };
        const row = toParameterRow(parameter, recordedAt, recordedBy);
        await insertParameters(trx, [{ ...row, approved_by: options.approvedBy ?? null }]);
        return parameter;
      };
      const stored = options.trx ? await write(options.trx) : await db.transaction().execute(write);
      book = undefined;
      return stored;
    },

    async seedIfEmpty() {
      // An empty table takes every seed; one in use takes only the parameters it has never had (those a
      // newer Shebao reads, e.g. the application clocks), never a second version of one it has.
      const known = (await countParameters(db)) > 0 ? await selectParameterNames(db) : new Set<string>();
      const missing = SEED_PARAMETERS.filter((parameter) => !known.has(parameter.name));
      if (missing.length === 0) return 0;
      const recordedAt = clock.now().toISOString();
      await db.transaction().execute((trx) =>
        insertParameters(
          trx,
          missing.map((parameter) => toParameterRow(parameter, recordedAt, 'seed')),
        ),
      );
      book = undefined;
      return missing.length;
    },
  };
}

function checkNewVersion(input: NewParameterVersion, regionCodes: ReadonlySet<string>): void {
  const fail = (field: string, reason: string) => {
    throw new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, { field });
  };
  if (!isParameterName(input.name)) fail('name', `unknown parameter "${input.name}"`);
  const definition = PARAMETER_CATALOGUE[
    input.name as keyof typeof PARAMETER_CATALOGUE
  ] as ParameterDefinition;
  for (const dimension of ['insurance', 'party', 'category'] as const) {
    if (input[dimension] !== null && !definition.dimensions.includes(dimension)) {
      fail(dimension, `parameter "${input.name}" cannot be narrowed by ${dimension}`);
    }
  }
  if (!regionCodes.has(input.regionCode))
    fail('regionCode', `region ${input.regionCode} is not a known region`);
  if (!isPeriod(input.validFrom))
    fail('validFrom', `"${input.validFrom}" is not a month in the form YYYY-MM`);
  if (input.validTo !== null && (!isPeriod(input.validTo) || input.validTo < input.validFrom)) {
    fail('validTo', `"${input.validTo}" must be a month (YYYY-MM) not before validFrom`);
  }
  const problem = checkParameterValue(input.name, input.value);
  if (problem) fail('value', problem);
  if (!input.source.trim()) fail('source', 'name the document that sets this value');
}
