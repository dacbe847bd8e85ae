import type { Explanation } from '../../explain/index.ts';
import { allocate, formatFenAsYuan, type Fen } from '../../money/index.ts';
import type { InheritanceRule, RegionalRule } from './death-benefit-rules.ts';

/** Where the money of a personal account came from: the residents' subsidies may stay out (14.10). */
export const ACCOUNT_SOURCES = [
  'employee-contributions',
  'residents-individual',
  'residents-collective',
  'residents-government-subsidy',
] as const;
export type AccountSource = (typeof ACCOUNT_SOURCES)[number];

export interface BalanceBySource {
  source: AccountSource;
  balanceFen: Fen;
}

export interface InheritableBalance {
  amountFen: Fen;
  excludedFen: Fen;
  explanation: Explanation;
}

/**
 * What the heirs inherit of a deceased member's personal accounts (SIL Art. 14; docs/RULES.md 14.10): the
 * balance of every source, except the residents' government subsidies where the region's rule keeps them
 * out (GF-2014-8 lets the whole balance be inherited; the earlier rural and urban residents' schemes kept the
 * government subsidy back, and some regions still do). The balance comes by source, as the accounts give it.
 */
export function inheritableBalance(
  balances: readonly BalanceBySource[],
  { rule, source }: RegionalRule<InheritanceRule>,
): InheritableBalance {
  for (const [index, balance] of balances.entries()) {
    if (!Number.isSafeInteger(balance.balanceFen) || balance.balanceFen < 0)
      throw new RangeError(`balances[${index}].balanceFen: must be whole fen, not negative`);
    if (!ACCOUNT_SOURCES.includes(balance.source))
      throw new RangeError(`balances[${index}].source: is not an account source`);
  }
  const excluded = (balance: BalanceBySource) =>
    rule.excludeResidentsGovernmentSubsidy && balance.source === 'residents-government-subsidy';
  const amountFen = balances.filter((b) => !excluded(b)).reduce((sum, b) => sum + b.balanceFen, 0);
  const excludedFen = balances.filter(excluded).reduce((sum, b) => sum + b.balanceFen, 0);
  const parts = balances.filter((b) => !excluded(b)).map((b) => formatFenAsYuan(b.balanceFen));
  return {
    amountFen,
    excludedFen,
    explanation: {
      rule: rule.excludeResidentsGovernmentSubsidy
        ? 'The personal-account balance is inherited, except the residents’ government subsidies, which the region keeps in the fund.'
        : 'The whole personal-account balance is inherited.',
      formula: `${parts.length ? parts.join(' + ') : '0.00'} = ${formatFenAsYuan(amountFen)}${excludedFen ? ` (${formatFenAsYuan(excludedFen)} of government subsidies not inherited)` : ''}`,
      inputs: Object.fromEntries(
        balances.map((balance, index) => [
          `${balance.source}${balances.length > 1 ? `#${index + 1}` : ''}`,
          `${formatFenAsYuan(balance.balanceFen)} yuan`,
        ]),
      ),
      sources: ['SIL Art. 14', 'GF-2014-8', source],
    },
  };
}

/** An heir's share: a fraction of the whole, or a number of parts (equal heirs one part each). */
export type InheritanceShare = { numerator: number; denominator: number } | { parts: number };

export interface Heir {
  name: string;
  share: InheritanceShare;
}

export interface HeirPart {
  name: string;
  amountFen: Fen;
  explanation: Explanation;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Splits the inherited balance among the named heirs by their shares (docs/RULES.md 14.10) with the
 * largest-remainder method (2.4): the parts always sum to the whole. Either every heir has a fraction and
 * the fractions sum to exactly one, or every heir has a number of parts.
 */
export function splitInheritance(balanceFen: Fen, heirs: readonly Heir[]): HeirPart[] {
  if (!Number.isSafeInteger(balanceFen) || balanceFen < 0)
    throw new RangeError('balanceFen: must be whole fen, not negative');
  if (heirs.length === 0) throw new RangeError('heirs: name at least one heir');
  const fractions = heirs.every((heir) => 'numerator' in heir.share);
  if (!fractions && !heirs.every((heir) => 'parts' in heir.share))
    throw new RangeError('heirs: give every heir a fraction, or every heir a number of parts');
  let weights: bigint[];
  let shareText: string[];
  if (fractions) {
    const shares = heirs.map((heir, index) => {
      const share = heir.share as { numerator: number; denominator: number };
      if (!Number.isSafeInteger(share.numerator) || share.numerator < 1)
        throw new RangeError(`heirs[${index}].share.numerator: must be a whole number of at least 1`);
      if (!Number.isSafeInteger(share.denominator) || share.denominator < share.numerator)
        throw new RangeError(
          `heirs[${index}].share.denominator: must be a whole number not below the numerator`,
        );
      return { numerator: BigInt(share.numerator), denominator: BigInt(share.denominator) };
    });
    const common = shares.reduce((lcm, share) => (lcm * share.denominator) / gcd(lcm, share.denominator), 1n);
    weights = shares.map((share) => (share.numerator * common) / share.denominator);
    if (weights.reduce((sum, weight) => sum + weight, 0n) !== common)
      throw new RangeError('heirs: the shares must add up to exactly one');
    shareText = shares.map((share) => `${share.numerator}/${share.denominator}`);
  } else {
    weights = heirs.map((heir, index) => {
      const parts = (heir.share as { parts: number }).parts;
      if (!Number.isSafeInteger(parts) || parts < 1)
        throw new RangeError(`heirs[${index}].share.parts: must be a whole number of at least 1`);
      return BigInt(parts);
    });
    const total = weights.reduce((sum, weight) => sum + weight, 0n);
    shareText = weights.map((weight) => `${weight}/${total}`);
  }
  const amounts = allocate(balanceFen, weights);
  return heirs.map((heir, index) => ({
    name: heir.name,
    amountFen: amounts[index]!,
    explanation: {
      rule:
        'The inherited balance split by the heirs’ shares, largest remainder first, so the parts add up to ' +
        'the whole (docs/RULES.md 2.4).',
      formula: `${formatFenAsYuan(balanceFen)} × ${shareText[index]} → ${formatFenAsYuan(amounts[index]!)}`,
      inputs: { balance: `${formatFenAsYuan(balanceFen)} yuan`, share: shareText[index]! },
      sources: ['SIL Art. 14'],
    },
  }));
}
