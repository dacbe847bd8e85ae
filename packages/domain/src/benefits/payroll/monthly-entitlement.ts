import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, type Fen } from '../../money/index.ts';
import { addMonths, parsePeriod, type Period } from '../../time/index.ts';

/** One version of an award: from its month on it replaces every earlier version (docs/RULES.md 14.5). */
export interface AwardVersion {
  version: number;
  validFrom: Period;
  monthlyFen: Fen;
}

export interface EntitlementInput {
  versions: readonly AwardVersion[];
  /** The month the payroll pays. */
  period: Period;
  /** What earlier payrolls paid, by month (a month paid twice is summed). */
  paid: readonly { period: Period; amountFen: Fen }[];
  /** Months withheld while survival is not verified: owed, not paid, until verified again. */
  suspended?: ReadonlySet<Period>;
  /** The month of death: nothing is owed after it, and what was paid after it is recovered. */
  deathMonth?: Period;
}

export interface MonthDifference {
  period: Period;
  dueFen: Fen;
  paidFen: Fen;
  /** due − paid: arrears when positive, a recovery when negative. */
  differenceFen: Fen;
}

export interface MonthlyEntitlement {
  period: Period;
  /** What the month itself is owed (0 while suspended or after death). */
  currentFen: Fen;
  /** Earlier months whose payments differ from what they are owed, oldest first. */
  differences: MonthDifference[];
  /** current + every difference; what this payroll pays when positive. */
  netFen: Fen;
  /** What is left to recover when the recoveries exceed what is owed now (a claim on the payee or estate). */
  recoveryFen: Fen;
  /** The month is withheld (suspended): nothing paid now, owed later. */
  withheld: boolean;
  explanation: Explanation;
}

/** The version in force in a month: the highest version whose start is not after it. */
export function versionInForce(versions: readonly AwardVersion[], period: Period): AwardVersion | undefined {
  let found: AwardVersion | undefined;
  for (const version of versions)
    if (version.validFrom <= period && (!found || version.version > found.version)) found = version;
  return found;
}

/**
 * What one month's payroll owes on an award (docs/RULES.md 14.5): the month's amount by the version in
 * force, and for every earlier month since the award began the difference between what it is owed now
 * and what was paid: a later version published late gives arrears or a recovery for exactly the months it
 * touches; a month withheld while survival was not verified is paid back once it is no longer withheld;
 * after a death, nothing is owed and what was paid is recovered. A month still withheld stays owed and
 * is neither paid nor counted as a difference.
 */
export function monthlyEntitlement(input: EntitlementInput): MonthlyEntitlement {
  const period = parsePeriod(input.period, 'period');
  if (input.versions.length === 0) throw new RangeError('versions: an award has at least one version');
  for (const version of input.versions) {
    parsePeriod(version.validFrom, 'versions.validFrom');
    if (!Number.isSafeInteger(version.monthlyFen) || version.monthlyFen < 0)
      throw new RangeError(`versions.monthlyFen: ${version.monthlyFen} is not a whole number of fen`);
  }
  const suspended = input.suspended ?? new Set<Period>();
  const owed = (month: Period): Fen => {
    if (input.deathMonth !== undefined && month > input.deathMonth) return 0;
    return versionInForce(input.versions, month)?.monthlyFen ?? 0;
  };
  const paidBy = new Map<Period, Fen>();
  for (const payment of input.paid) {
    const month = parsePeriod(payment.period, 'paid.period');
    if (month >= period)
      throw new RangeError(`paid.period: ${month} is not before the payroll month ${period}`);
    paidBy.set(month, (paidBy.get(month) ?? 0) + payment.amountFen);
  }
  const first = input.versions.reduce((earliest, version) =>
    version.validFrom < earliest.validFrom ? version : earliest,
  ).validFrom;

  const differences: MonthDifference[] = [];
  for (let month = first; month < period; month = addMonths(month, 1)) {
    if (suspended.has(month)) continue;
    const dueFen = owed(month);
    const paidFen = paidBy.get(month) ?? 0;
    if (dueFen !== paidFen)
      differences.push({ period: month, dueFen, paidFen, differenceFen: dueFen - paidFen });
  }
  const withheld = suspended.has(period);
  const currentFen = withheld ? 0 : owed(period);
  const total = differences.reduce((sum, difference) => sum + difference.differenceFen, currentFen);
  const netFen = Math.max(0, total);
  const recoveryFen = Math.max(0, -total);
  const parts = differences.map(
    (difference) =>
      `${difference.period}: ${formatFenAsYuan(difference.dueFen)} owed − ${formatFenAsYuan(difference.paidFen)} paid`,
  );
  return {
    period,
    currentFen,
    differences,
    netFen,
    recoveryFen,
    withheld,
    explanation: {
      rule: 'A month is paid by the award version in force in it; earlier months are settled against what they are owed now (arrears when a correction raised them or a withheld month is released, a recovery when it lowered them or after death); a withheld month is neither paid nor settled until survival is verified.',
      formula: `${formatFenAsYuan(currentFen)}${parts.length ? ` + (${parts.join('; ')})` : ''} = ${formatFenAsYuan(total)}`,
      inputs: {
        period,
        versions: input.versions
          .map((v) => `v${v.version} from ${v.validFrom}: ${formatFenAsYuan(v.monthlyFen)}`)
          .join(', '),
        ...(input.deathMonth ? { deathMonth: input.deathMonth } : {}),
        ...(suspended.size ? { withheld: [...suspended].sort().join(', ') } : {}),
      },
      sources: ['SIL Art. 16', 'SIHR (survival verification, suspension and back-pay)'],
    },
  };
}
