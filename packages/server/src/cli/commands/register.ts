import { readFileSync } from 'node:fs';
import {
  formatFenAsYuan,
  formatPpmAsPercent,
  maskResidentId,
  type RegistrationTimeliness,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp, type App } from '../../app/index.ts';
import { AppError } from '../../errors/index.ts';
import {
  BASE_FILE_COLUMN_NAMES,
  HIRE_REASONS,
  LEAVE_REASONS,
  readBaseCsv,
  type BaseFileRecord,
  type DeclareBaseInput,
  type DeclareMonthInput,
  type EnrolFlexibleInput,
  type HireInput,
  type LeaveInput,
  type RegisterEmployerInput,
  type RegisterPersonInput,
  type StopFlexibleInput,
} from '../../modules/registration/index.ts';
import { CliUsageError, EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';
import {
  parseChoiceArgument,
  parseDateArgument,
  parseDecimalArgument,
  parseIntegerArgument,
  parsePeriodArgument,
  parseRegionArgument,
  parseYuanArgument,
} from '../parse-arguments.ts';

/**
 * `shebao register ...`: employers, persons, hires and leaves, bases, flexible workers and monthly
 * declarations, as thin commands over the registration service.
 *
 * Each command's fields are declared once (FieldSpec) and serve both as command-line options
 * (`--credit-code`) and as the columns of a `--file` CSV (`credit-code`), with amounts in yuan and
 * rates in percent in both. Files (UTF-8, a header row, columns in any order):
 * - employer, person, hire: every valid row is applied on its own (each its own transaction) and every
 *   bad row is reported with its line, column and reason; rows are applied in file order.
 * - base: all or nothing, as an employer's yearly declaration is one document: the registration module
 *   reads, checks and applies it as it does an employer's upload (declareBaseRowsFile), the rows naming
 *   their employer (credit-code or employer-id) and year (cycle-start or period), the amount in
 *   `declared` or, as before, `wage`; nothing is declared unless every row is valid.
 * Exit 1 when any row failed, 2 for a bad argument or an unreadable file.
 */

type Values = Record<string, unknown>;

interface FieldSpec {
  /** Option and CSV column name, e.g. "credit-code". */
  name: string;
  /** The service input key, e.g. "creditCode". */
  key: string;
  description: string;
  required?: boolean;
  /** Text to service value; throws CliUsageError naming the argument. Text passes through by default. */
  parse?: (argument: string, text: string) => unknown;
}

interface CommandSpec {
  fields: FieldSpec[];
  /** Field names of which exactly one is to be given, e.g. employer-id or credit-code. */
  oneOf?: string[][];
}

const id = (argument: string, text: string) =>
  parseIntegerArgument(argument, text.trim(), 1, Number.MAX_SAFE_INTEGER);
const yuan = (argument: string, text: string) => parseYuanArgument(argument, text);
const percent = (argument: string, text: string) => parseDecimalArgument(argument, text.replace(/%$/, ''), 4);
const period = (argument: string, text: string) => parsePeriodArgument(argument, text.trim());
const region = (argument: string, text: string) => parseRegionArgument(argument, text.trim());
const choice =
  <T extends string>(choices: readonly T[]) =>
  (argument: string, text: string) =>
    parseChoiceArgument(argument, text.trim(), choices);
const date = (argument: string, text: string) => parseDateArgument(argument, text);

const employerFields: FieldSpec[] = [
  { name: 'employer-id', key: 'employerId', description: 'the employer by its id', parse: id },
  { name: 'credit-code', key: 'creditCode', description: 'the employer by its unified social credit code' },
];
const personFields: FieldSpec[] = [
  { name: 'person-id', key: 'personId', description: 'the person by their id', parse: id },
  { name: 'id-number', key: 'idNumber', description: 'the person by their identity number' },
];
const ONE_EMPLOYER = ['employer-id', 'credit-code'];
const ONE_PERSON = ['person-id', 'id-number'];

const EMPLOYER: CommandSpec = {
  fields: [
    { name: 'credit-code', key: 'creditCode', description: 'unified social credit code', required: true },
    { name: 'name', key: 'name', description: 'registered name', required: true },
    { name: 'region', key: 'regionCode', description: 'pooling region code', required: true, parse: region },
    {
      name: 'industry-class',
      key: 'industryClass',
      description: 'work-injury industry class 1-8',
      required: true,
      parse: (argument, text) => parseIntegerArgument(argument, text.trim(), 1, 8),
    },
    {
      name: 'injury-float',
      key: 'injuryFloatPpm',
      description: 'work-injury float in percent (default 100)',
      parse: percent,
    },
    { name: 'bank-account', key: 'bankAccount', description: 'bank account' },
    { name: 'contact-name', key: 'contactName', description: 'contact person' },
    { name: 'contact-phone', key: 'contactPhone', description: 'contact phone' },
    {
      name: 'established-on',
      key: 'establishedOn',
      description: 'date of establishment',
      required: true,
      parse: date,
    },
  ],
};

const PERSON: CommandSpec = {
  fields: [
    {
      name: 'id-number',
      key: 'idNumber',
      description: 'identity number (15 digits are converted)',
      required: true,
    },
    { name: 'name', key: 'name', description: 'name', required: true },
    {
      name: 'hukou-region',
      key: 'hukouRegionCode',
      description: 'household registration region',
      required: true,
      parse: region,
    },
    {
      name: 'hukou-type',
      key: 'hukouType',
      description: 'urban | rural',
      required: true,
      parse: choice(['urban', 'rural']),
    },
    {
      name: 'category',
      key: 'category',
      description: 'employee | flexible | resident',
      required: true,
      parse: choice(['employee', 'flexible', 'resident']),
    },
    {
      name: 'region',
      key: 'regionCode',
      description: 'pooling region insured in',
      required: true,
      parse: region,
    },
  ],
};

const HIRE: CommandSpec = {
  fields: [
    ...employerFields,
    ...personFields,
    { name: 'hired-on', key: 'hiredOn', description: 'first day employed', required: true, parse: date },
    { name: 'reason', key: 'reason', description: HIRE_REASONS.join(' | '), parse: choice(HIRE_REASONS) },
    {
      name: 'wage',
      key: 'monthlyWageFen',
      description: "first month's wage in yuan (recorded as the base)",
      parse: yuan,
    },
  ],
  oneOf: [ONE_EMPLOYER, ONE_PERSON],
};

const LEAVE: CommandSpec = {
  fields: [
    { name: 'employment-id', key: 'employmentId', description: 'the employment by its id', parse: id },
    ...employerFields,
    ...personFields,
    { name: 'left-on', key: 'leftOn', description: 'last day employed', required: true, parse: date },
    {
      name: 'reason',
      key: 'reason',
      description: LEAVE_REASONS.join(' | '),
      required: true,
      parse: choice(LEAVE_REASONS),
    },
  ],
};

const BASE: CommandSpec = {
  fields: [
    ...employerFields,
    ...personFields,
    {
      name: 'cycle-start',
      key: 'cycleStart',
      description: 'first month of the contribution year',
      parse: period,
    },
    { name: 'period', key: 'period', description: 'any month of the contribution year', parse: period },
    {
      name: 'wage',
      key: 'declaredFen',
      description: "previous year's average monthly wage in yuan",
      required: true,
      parse: yuan,
    },
    {
      name: 'source',
      key: 'source',
      description: 'yearly | correction',
      parse: choice(['yearly', 'correction']),
    },
  ],
  oneOf: [ONE_EMPLOYER, ONE_PERSON, ['cycle-start', 'period']],
};

const FLEXIBLE: CommandSpec = {
  fields: [
    ...personFields,
    { name: 'region', key: 'regionCode', description: 'pooling region', required: true, parse: region },
    { name: 'base', key: 'baseFen', description: 'chosen monthly base in yuan', parse: yuan },
    {
      name: 'grade',
      key: 'gradePpm',
      description: 'chosen grade in percent of the average wage (60-300)',
      parse: percent,
    },
    {
      name: 'payment-method',
      key: 'paymentMethod',
      description: 'withholding | self',
      required: true,
      parse: choice(['withholding', 'self']),
    },
    { name: 'bank-account', key: 'bankAccount', description: 'account to debit (withholding)' },
    { name: 'agreement-no', key: 'agreementNo', description: 'withholding agreement number' },
    {
      name: 'start-period',
      key: 'startPeriod',
      description: 'first month paid',
      required: true,
      parse: period,
    },
  ],
  oneOf: [ONE_PERSON, ['base', 'grade']],
};

const STOP_FLEXIBLE: CommandSpec = {
  fields: [
    ...personFields,
    { name: 'end-period', key: 'endPeriod', description: 'last month paid', required: true, parse: period },
  ],
  oneOf: [ONE_PERSON],
};

const DECLARE: CommandSpec = {
  fields: [
    ...employerFields,
    {
      name: 'region',
      key: 'regionCode',
      description: 'every employer of this region instead',
      parse: region,
    },
    { name: 'period', key: 'period', description: 'the month declared', required: true, parse: period },
  ],
  oneOf: [['employer-id', 'credit-code', 'region']],
};

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Builds a service input from named texts; `argumentOf` says how a field is called where it came from. */
function readInput(
  spec: CommandSpec,
  get: (name: string) => string | undefined,
  argumentOf: (name: string) => string,
): Values {
  const input: Values = {};
  for (const field of spec.fields) {
    const text = get(field.name);
    if (text === undefined) {
      if (field.required) throw new CliUsageError(argumentOf(field.name), 'is required');
      continue;
    }
    input[field.key] = field.parse ? field.parse(argumentOf(field.name), text) : text.trim();
  }
  checkOneOf(spec.oneOf ?? [], get, argumentOf);
  return input;
}

function checkOneOf(
  groups: string[][],
  get: (name: string) => string | undefined,
  argumentOf: (name: string) => string,
): void {
  for (const group of groups) {
    const given = group.filter((name) => get(name) !== undefined);
    if (given.length !== 1) {
      const names = group.map(argumentOf).join(' or ');
      throw new CliUsageError(
        argumentOf(group[0]!),
        given.length === 0 ? `give ${names}` : `give only one of ${names}`,
      );
    }
  }
}

/** The option or column name of a service field, for reporting a service refusal. */
function nameOfKey(spec: CommandSpec, key: string): string {
  return spec.fields.find((field) => field.key === key)?.name ?? key;
}

function reasonOf(error: CliUsageError | AppError): string {
  if (error instanceof CliUsageError) return error.message.slice(error.argument.length + 2);
  return error.field && error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
}

function addOptions(command: Command, spec: CommandSpec, withFile: boolean): Command {
  for (const field of spec.fields) {
    command.option(`--${field.name} <value>`, `${field.description}${field.required ? ' (required)' : ''}`);
  }
  if (withFile) command.option('--file <csv>', 'a CSV file with a header row of these option names instead');
  return command.option('--json', 'one JSON object on stdout');
}

const optionText = (options: Values) => (name: string) => options[camelCase(name)] as string | undefined;
const optionName = (name: string) => `--${name}`;

function readOptions<T>(spec: CommandSpec, options: Values): T {
  return readInput(spec, optionText(options), optionName) as T;
}

/** The --file given, refusing it together with field options: one source of rows at a time. */
function fileOption(spec: CommandSpec, options: Values): string | undefined {
  if (typeof options.file !== 'string') return undefined;
  const field = spec.fields.find((candidate) => options[camelCase(candidate.name)] !== undefined);
  if (field)
    throw new CliUsageError('--file', `give either --file or --${field.name} and the other fields, not both`);
  return options.file;
}

/**
 * Runs one command's work, naming a refused field as its option (--credit-code, not creditCode), so
 * the one-line error points at what was typed.
 */
async function runOne<T>(spec: CommandSpec, work: (app: App) => Promise<T>): Promise<T> {
  try {
    return await withApp(work);
  } catch (error) {
    if (!(error instanceof AppError) || error.field === undefined) throw error;
    const argument = `--${nameOfKey(spec, error.field)}`;
    throw new AppError(error.code, `${argument}: ${reasonOf(error)}`, { field: error.field, cause: error });
  }
}

// Files

interface FileRow {
  line: number;
  get: (name: string) => string | undefined;
}

interface RowFailure {
  line: number;
  field: string;
  reason: string;
}

/** A file's text; an unreadable file is a bad --file argument. */
function readFileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      '--file',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/**
 * A CSV file's records, read by the registration module's one CSV reader (the base file's), so every
 * file the command takes is read alike; a refusal of the file is a bad --file argument.
 */
function readCsvRecords(path: string): BaseFileRecord[] {
  const text = readFileText(path);
  try {
    return readBaseCsv(text);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new CliUsageError('--file', `${path} ${reasonOf(error)}`);
  }
}

/** The header's column names, refusing one the command does not know (a typo would be silently lost). */
function headerColumns(path: string, records: readonly BaseFileRecord[], known: readonly string[]): string[] {
  const [header] = records;
  if (!header) throw new CliUsageError('--file', `${path} is empty; it needs a header row`);
  const columns = header.cells.map((name) => name.trim());
  const unknown = columns.find((name) => !known.includes(name));
  if (unknown !== undefined) {
    throw new CliUsageError('--file', `unknown column "${unknown}"; the columns are: ${known.join(', ')}`);
  }
  return columns;
}

/** Reads a CSV file with a header row of the command's option names; empty cells count as not given. */
function readCsvFile(path: string, spec: CommandSpec): FileRow[] {
  const records = readCsvRecords(path);
  const columns = headerColumns(
    path,
    records,
    spec.fields.map((field) => field.name),
  );
  const missing = spec.fields.find((field) => field.required && !columns.includes(field.name));
  if (missing) throw new CliUsageError('--file', `the header lacks the required column "${missing.name}"`);
  const lacking = (spec.oneOf ?? []).find((group) => !group.some((name) => columns.includes(name)));
  if (lacking) throw new CliUsageError('--file', `the header needs one of the columns ${lacking.join(', ')}`);
  return records.slice(1).map(({ cells, line }) => ({
    line,
    get: (name) => {
      const index = columns.indexOf(name);
      const cell = index < 0 ? undefined : cells[index]?.trim();
      return cell === undefined || cell === '' ? undefined : cell;
    },
  }));
}

type RowInput = { ok: true; input: Values } | { ok: false; failure: RowFailure };

function rowInput(spec: CommandSpec, row: FileRow): RowInput {
  try {
    return { ok: true, input: readInput(spec, row.get, (name) => name) };
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return { ok: false, failure: { line: row.line, field: error.argument, reason: reasonOf(error) } };
  }
}

/** Applies every valid row on its own and reports the rest. */
async function applyFileRows<I, R>(
  spec: CommandSpec,
  path: string,
  json: unknown,
  noun: string,
  apply: (app: App, input: I) => Promise<R>,
  describe: (result: R) => string,
): Promise<void> {
  const rows = readCsvFile(path, spec);
  const failures: RowFailure[] = [];
  const results: ({ line: number } & Values)[] = [];
  const lines: string[] = [];
  await withApp(async (app) => {
    for (const row of rows) {
      const parsed = rowInput(spec, row);
      if (!parsed.ok) {
        failures.push(parsed.failure);
        continue;
      }
      try {
        const result = await apply(app, parsed.input as I);
        results.push({ line: row.line, ...(result as Values) });
        lines.push(`line ${row.line}: ${describe(result)}`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failures.push({
          line: row.line,
          field: nameOfKey(spec, error.field ?? 'row'),
          reason: reasonOf(error),
        });
      }
    }
  });
  report({ path, noun, total: rows.length, applied: results.length, failures, results, lines, json });
}

function report(outcome: {
  path: string;
  noun: string;
  total: number;
  applied: number;
  failures: RowFailure[];
  results?: Values[];
  lines?: string[];
  json: unknown;
}): void {
  const failures = [...outcome.failures].sort((a, b) => a.line - b.line);
  if (failures.length > 0) process.exitCode = EXIT_INVALID;
  if (outcome.json) {
    printJson({
      file: outcome.path,
      rows: outcome.total,
      applied: outcome.applied,
      errors: failures,
      ...(outcome.results ? { results: outcome.results } : {}),
    });
    return;
  }
  printLines([
    ...(outcome.lines ?? []),
    ...failures.map((failure) => `line ${failure.line}, ${failure.field}: ${failure.reason}`),
    `${outcome.applied} of ${outcome.total} ${outcome.noun} applied from ${outcome.path}` +
      (failures.length > 0 ? `; ${failures.length} row${failures.length === 1 ? '' : 's'} refused` : ''),
  ]);
}

/**
 * The yearly base file: all rows or none, read, checked and applied by the registration module as an
 * employer's upload is. Its refusals name the file's columns.
 */
async function declareBaseFile(path: string, json: unknown): Promise<void> {
  const records = readCsvRecords(path);
  const columns = headerColumns(path, records, BASE_FILE_COLUMN_NAMES);
  const amountColumn = columns.includes('declared') ? 'declared' : 'wage';
  const columnOf = (field: string) =>
    field === 'declaredFen' ? amountColumn : field === 'row' ? 'row' : nameOfKey(BASE, field);
  let result;
  try {
    result = await withApp((app) => app.registration.declareBaseRowsFile(records));
  } catch (error) {
    // A file the module refuses whole (no header it can read, no rows, too many) is a bad --file.
    if (error instanceof AppError && error.field === 'body')
      throw new CliUsageError('--file', reasonOf(error));
    throw error;
  }
  const failures: RowFailure[] = result.ok
    ? []
    : result.errors.map((error) => ({
        line: error.line,
        field: columnOf(error.field),
        reason: error.reason,
      }));
  report({ path, noun: 'bases', total: records.length - 1, applied: result.declared, failures, json });
}

// Descriptions for people

function describeTimeliness(timeliness: RegistrationTimeliness): string {
  return timeliness.late
    ? `LATE: ${timeliness.daysLate} days after the deadline ${timeliness.deadline} (${timeliness.rule})`
    : `on time (deadline ${timeliness.deadline})`;
}

type Registration = App['registration'];
type Result<K extends keyof Registration> = Awaited<ReturnType<Registration[K]>>;

function describeEmployer(result: Result<'registerEmployer'>): string {
  const { employer } = result;
  return `registered employer ${employer.id} ${employer.name} (${employer.creditCode}), region ${employer.regionCode}, on ${employer.registeredOn}: ${describeTimeliness(result.registration)}`;
}

function describePerson(result: Result<'registerPerson'>): string {
  const { person } = result;
  const converted = result.converted ? ', converted from a 15-digit number' : '';
  return `registered person ${person.id} ${person.name} (${maskResidentId(person.idNumber)}${converted}), ${person.sex}, born ${person.birthDate}, ${person.category}`;
}

function describeHire(result: Result<'hire'>): string {
  const { employment, base } = result;
  const baseText = base
    ? `; base ${formatFenAsYuan(base.declaredFen)} yuan for the year from ${base.cycleStart} (version ${base.version})`
    : '';
  return `employment ${employment.id}: person ${employment.personId} at employer ${employment.employerId} from ${employment.hiredOn}, registered ${describeTimeliness(result.registration)}${baseText}`;
}

export function registerRegistrationCommands(program: Command): void {
  const register = program
    .command('register')
    .description('Registration: employers, persons, hires and leaves, bases, flexible workers, declarations');

  addOptions(
    register.command('employer').description('Register an employer (SIL Art. 57)'),
    EMPLOYER,
    true,
  ).action(async (options: Values) => {
    const file = fileOption(EMPLOYER, options);
    const registerOne = (app: App, input: RegisterEmployerInput) => app.registration.registerEmployer(input);
    if (file) return applyFileRows(EMPLOYER, file, options.json, 'employers', registerOne, describeEmployer);
    const input = readOptions<RegisterEmployerInput>(EMPLOYER, options);
    const result = await runOne(EMPLOYER, (app) => registerOne(app, input));
    if (options.json) printJson(result);
    else printLines([describeEmployer(result)]);
  });

  addOptions(register.command('person').description('Register an insured person'), PERSON, true).action(
    async (options: Values) => {
      const file = fileOption(PERSON, options);
      const registerOne = (app: App, input: RegisterPersonInput) => app.registration.registerPerson(input);
      if (file) return applyFileRows(PERSON, file, options.json, 'persons', registerOne, describePerson);
      const input = readOptions<RegisterPersonInput>(PERSON, options);
      const result = await runOne(PERSON, (app) => registerOne(app, input));
      if (options.json) printJson(result);
      else printLines([describePerson(result)]);
    },
  );

  addOptions(register.command('hire').description('Add an employee, 增员 (SIL Art. 58)'), HIRE, true).action(
    async (options: Values) => {
      const file = fileOption(HIRE, options);
      const hireOne = (app: App, input: HireInput) => app.workflows.hireEmployee(app, input);
      if (file) return applyFileRows(HIRE, file, options.json, 'hires', hireOne, describeHire);
      const input = readOptions<HireInput>(HIRE, options);
      const result = await runOne(HIRE, (app) => hireOne(app, input));
      if (options.json) printJson(result);
      else printLines([describeHire(result)]);
    },
  );

  addOptions(
    register
      .command('leave')
      .description('An employee leaves, 减员: by --employment-id, or by employer and person'),
    LEAVE,
    false,
  ).action(async (options: Values) => {
    const input = readOptions<LeaveInput>(LEAVE, options);
    if (input.employmentId === undefined)
      checkOneOf([ONE_EMPLOYER, ONE_PERSON], optionText(options), optionName);
    const result = await runOne(LEAVE, (app) => app.registration.leave(input));
    if (options.json) printJson(result);
    else printLines([`employment ${result.id} ended on ${result.leftOn} (${result.leaveReason})`]);
  });

  addOptions(
    register.command('base').description("Declare an employee's yearly contribution base (a new version)"),
    BASE,
    true,
  ).action(async (options: Values) => {
    const file = fileOption(BASE, options);
    if (file) return declareBaseFile(file, options.json);
    const input = readOptions<DeclareBaseInput>(BASE, options);
    const result = await runOne(BASE, (app) => app.registration.declareBase(input));
    if (options.json) printJson(result);
    else
      printLines([
        `declared ${formatFenAsYuan(result.declaredFen)} yuan for the year from ${result.cycleStart}, version ${result.version}`,
      ]);
  });

  addOptions(
    register.command('flexible').description('Enrol (or resume) a flexible worker, with --base or --grade'),
    FLEXIBLE,
    false,
  ).action(async (options: Values) => {
    const input = readOptions<EnrolFlexibleInput>(FLEXIBLE, options);
    const result = await runOne(FLEXIBLE, (app) => app.registration.enrolFlexible(input));
    if (options.json) return printJson(result);
    const { enrolment, allowed } = result;
    printLines([
      `enrolment ${enrolment.id}: base ${formatFenAsYuan(enrolment.baseFen)} yuan ` +
        `(${formatPpmAsPercent(enrolment.gradePpm)} of the average wage ${formatFenAsYuan(allowed.averageWageFen)}) ` +
        `from ${enrolment.startPeriod}, paid by ${enrolment.paymentMethod}`,
    ]);
  });

  addOptions(
    register.command('stop-flexible').description("Stop a flexible worker's enrolment after --end-period"),
    STOP_FLEXIBLE,
    false,
  ).action(async (options: Values) => {
    const input = readOptions<StopFlexibleInput>(STOP_FLEXIBLE, options);
    const result = await runOne(STOP_FLEXIBLE, (app) => app.registration.stopFlexible(input));
    if (options.json) printJson(result);
    else printLines([`enrolment ${result.id} from ${result.startPeriod} ends after ${result.endPeriod}`]);
  });

  addOptions(
    register
      .command('declare')
      .description(
        "An employer's monthly declaration; with --region, every employer of the region without one",
      ),
    DECLARE,
    false,
  ).action(async (options: Values) => {
    const input = readOptions<DeclareMonthInput & { regionCode?: string }>(DECLARE, options);
    const { regionCode, period } = input;
    if (regionCode !== undefined) {
      const result = await runOne(DECLARE, (app) =>
        app.registration.declareMonthForRegion(regionCode, period),
      );
      if (options.json) return printJson(result);
      return printLines([`declared ${period} for ${result.declared} employers in ${regionCode}`]);
    }
    const result = await runOne(DECLARE, (app) => app.registration.declareMonth(input));
    if (options.json) return printJson(result);
    const { declaration } = result;
    printLines([
      result.created
        ? `declared ${declaration.period} for employer ${declaration.employerId}`
        : `${declaration.period} was already declared for employer ${declaration.employerId} on ${declaration.declaredOn}`,
    ]);
  });
}
