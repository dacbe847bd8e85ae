import {
  CATEGORIES,
  formatFenAsYuan,
  formatPpmAsPercent,
  INSURANCES,
  isParameterName,
  PARAMETER_CATALOGUE,
  PARTIES,
  type ParameterDefinition,
  type ParameterValue,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import {
  parseChoiceArgument,
  parseDecimalArgument,
  parsePeriodArgument,
  parseRegionArgument,
  parseYuanArgument,
} from '../parse-arguments.ts';

export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description('Policy parameters: rates, bases, tables, each with its source');

  policy
    .command('list')
    .description('Every recorded version, optionally of one parameter or region')
    .option('--name <name>', 'parameter name, e.g. contribution.rate')
    .option('--region <code>', 'region code')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { name?: string; region?: string; json?: boolean }) => {
      const regionCode =
        options.region === undefined ? undefined : parseRegionArgument('--region', options.region);
      const rows = await withApp((app) => app.policy.list({ name: options.name, regionCode }));
      if (options.json) return printJson({ parameters: rows });
      printTable(
        ['Name', 'Region', 'Scope', 'From', 'To', 'Value', 'v', 'Source'],
        rows.map((row) => [
          row.name,
          row.regionCode,
          [row.insurance, row.party, row.category].filter(Boolean).join('/'),
          row.validFrom,
          row.validTo ?? '',
          displayValue(row.name, row.value),
          row.version,
          row.source,
        ]),
      );
    });

  policy
    .command('add')
    .description('Record a new version of a parameter (old versions stay as they were)')
    .requiredOption('--name <name>', `one of: ${Object.keys(PARAMETER_CATALOGUE).join(', ')}`)
    .requiredOption('--region <code>', 'region code (000000 for national)')
    .requiredOption('--from <YYYY-MM>', 'first month in force')
    .option('--to <YYYY-MM>', 'last month in force (default: until a later version)')
    .requiredOption(
      '--value <value>',
      'yuan for amounts, percent for rates (9.8), a mode for rounding, JSON for tables',
    )
    .requiredOption('--source <document>', 'the document that sets the value')
    .option('--insurance <insurance>', INSURANCES.join(' | '))
    .option('--party <party>', PARTIES.join(' | '))
    .option('--category <category>', CATEGORIES.join(' | '))
    .option('--by <user>', 'who records it', process.env.USER ?? 'cli')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const text = (key: string) => options[key] as string | undefined;
      const name = text('name')!;
      if (!isParameterName(name)) throw new CliUsageError('--name', `unknown parameter "${name}"`);
      const input = {
        name,
        regionCode: parseRegionArgument('--region', text('region')!),
        validFrom: parsePeriodArgument('--from', text('from')!),
        validTo: text('to') === undefined ? null : parsePeriodArgument('--to', text('to')!),
        value: parseValue(name, text('value')!),
        source: text('source')!,
        insurance:
          text('insurance') === undefined
            ? null
            : parseChoiceArgument('--insurance', text('insurance')!, INSURANCES),
        party: text('party') === undefined ? null : parseChoiceArgument('--party', text('party')!, PARTIES),
        category:
          text('category') === undefined
            ? null
            : parseChoiceArgument('--category', text('category')!, CATEGORIES),
      };
      const stored = await withApp((app) => app.policy.addVersion(input, text('by')!));
      if (options.json) printJson(stored);
      else
        printLines([
          `recorded ${stored.name} for ${stored.regionCode} from ${stored.validFrom} as version ${stored.version}`,
        ]);
    });
}

function kindOf(name: keyof typeof PARAMETER_CATALOGUE): ParameterDefinition['kind'] {
  return (PARAMETER_CATALOGUE[name] as ParameterDefinition).kind;
}

/** Reads a value in the unit a person would type: yuan for amounts, percent for rates. */
function parseValue(name: keyof typeof PARAMETER_CATALOGUE, text: string): ParameterValue {
  switch (kindOf(name)) {
    case 'fen':
      return parseYuanArgument('--value', text);
    case 'ppm':
      return parseDecimalArgument('--value', text.replace(/%$/, ''), 4);
    case 'months':
    case 'integer':
      if (!/^\d+$/.test(text)) throw new CliUsageError('--value', `"${text}" must be a whole number`);
      return Number(text);
    case 'rounding-mode':
      return text;
    case 'table':
      try {
        return JSON.parse(text) as ParameterValue;
      } catch {
        throw new CliUsageError('--value', `"${text}" is not valid JSON`);
      }
  }
}

function displayValue(name: string, value: ParameterValue): string {
  if (!isParameterName(name)) return JSON.stringify(value);
  const kind = kindOf(name);
  if (kind === 'fen' && typeof value === 'number') return formatFenAsYuan(value);
  if (kind === 'ppm' && typeof value === 'number') return formatPpmAsPercent(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
