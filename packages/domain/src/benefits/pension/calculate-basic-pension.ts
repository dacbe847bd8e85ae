import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, isRoundingMode, type Fen, type Ppm, type RoundingMode } from '../../money/index.ts';
import { draftAccountPart } from './account-part.ts';
import { draftBasicPart } from './basic-part.ts';
import { resolveDivisorPolicy, type DivisorPolicyName } from './divisor-policies.ts';
import type { DivisorPolicy, Ratio } from './divisor-policy.ts';
import {
  NATIONAL_DIVISORS,
  NATIONAL_DIVISORS_SOURCE,
  validateDivisorTable,
  type DivisorTable,
} from './divisor-table.ts';
import { roundPensionPart } from './pension-part.ts';
import { requireCount } from './require-count.ts';
import type { TransitionalInput } from './transitional-scheme.ts';
import { transitionalSchemeRegistry } from './transitional-schemes.ts';

export interface BasicPensionInput {
  /** C: the pension calculation base (计发基数), monthly. */
  calcBaseFen: Fen;
  /** I_avg: average contribution index, 1.2 = 1200000. */
  averageIndexPpm: Ppm;
  /** N in months, deemed months included: 30.5 years = 366. */
  contributionMonths: number;
  /** B: personal account balance at retirement. */
  accountBalanceFen: Fen;
  retirementAgeMonths: number;
  /** Divisor by whole age in years; NATIONAL_DIVISORS unless a policy parameter says otherwise. */
  divisors: DivisorTable;
  /** Cited for the divisor table; defaults to the GF-2005-38 annex when divisors is NATIONAL_DIVISORS. */
  divisorsSource?: string;
  /** A policy object or a registered name; 'whole-years' when omitted. */
  divisorPolicy?: DivisorPolicy | DivisorPolicyName | (string & {});
  transitional?: TransitionalInput;
  rounding: RoundingMode;
}

export interface BasicPensionResult {
  calcBaseFen: Fen;
  /** The divisor for display; may be fractional under an interpolating policy. */
  divisor: number;
  /** The same divisor, exact. */
  divisorRatio: Ratio;
  divisorPolicy: string;
  basicFen: Fen;
  accountFen: Fen;
  transitionalFen: Fen;
  /** The sum of the three rounded parts. */
  totalFen: Fen;
  explanation: { basic: Explanation; account: Explanation; transitional: Explanation; total: Explanation };
}

/** The monthly basic pension of an enterprise employee at retirement (GF-2005-38; docs/RULES.md 4.1). */
export function calculateBasicPension(input: BasicPensionInput): BasicPensionResult {
  const calcBaseFen = requireCount(input.calcBaseFen, 'calcBaseFen');
  const averageIndexPpm = requireCount(input.averageIndexPpm, 'averageIndexPpm');
  const contributionMonths = requireCount(input.contributionMonths, 'contributionMonths');
  const accountBalanceFen = requireCount(input.accountBalanceFen, 'accountBalanceFen');
  const retirementAgeMonths = requireCount(input.retirementAgeMonths, 'retirementAgeMonths');
  const divisors = validateDivisorTable(input.divisors);
  if (!isRoundingMode(input.rounding)) {
    throw new RangeError(`rounding: "${String(input.rounding)}" is not a rounding mode`);
  }
  const { rounding } = input;

  const policy = resolveDivisorPolicy(input.divisorPolicy);
  const resolved = policy.resolveDivisor(retirementAgeMonths, divisors);
  const { numerator, denominator } = resolved.divisor;
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator <= 0 ||
    denominator <= 0
  ) {
    throw new RangeError(`divisorPolicy: "${policy.name}" gave a divisor that is not a positive ratio`);
  }
  const divisorsSource =
    input.divisorsSource ?? (divisors === NATIONAL_DIVISORS ? NATIONAL_DIVISORS_SOURCE : undefined);

  const transitionalInput = input.transitional ?? { scheme: 'none' };
  const scheme = transitionalSchemeRegistry.get(transitionalInput.scheme, 'transitional.scheme');
  const deemedMonths = transitionalInput.deemedMonths;
  if (deemedMonths !== undefined && deemedMonths > contributionMonths) {
    throw new RangeError(
      `transitional.deemedMonths: ${deemedMonths} exceeds contributionMonths ${contributionMonths}, which includes deemed months`,
    );
  }

  const basic = roundPensionPart(draftBasicPart(calcBaseFen, averageIndexPpm, contributionMonths), rounding);
  const account = roundPensionPart(
    draftAccountPart(
      accountBalanceFen,
      retirementAgeMonths,
      policy,
      resolved,
      divisorsSource ? [divisorsSource] : [],
    ),
    rounding,
  );
  const transitionalDraft = scheme.draftTransitionalPension({
    ...transitionalInput,
    calcBaseFen,
    averageIndexPpm,
  });
  const transitional = roundPensionPart(
    {
      ...transitionalDraft,
      sources: [
        ...transitionalDraft.sources,
        ...(transitionalInput.source ? [transitionalInput.source] : []),
      ],
    },
    rounding,
  );

  const totalFen = basic.amountFen + account.amountFen + transitional.amountFen;
  const parts = [basic, account, transitional];
  return {
    calcBaseFen,
    divisor: numerator / denominator,
    divisorRatio: { numerator, denominator },
    divisorPolicy: policy.name,
    basicFen: basic.amountFen,
    accountFen: account.amountFen,
    transitionalFen: transitional.amountFen,
    totalFen,
    explanation: {
      basic: basic.explanation,
      account: account.explanation,
      transitional: transitional.explanation,
      total: {
        rule: 'Monthly basic pension = basic pension + personal-account pension + transitional pension, each rounded first.',
        formula: `${parts.map((part) => formatFenAsYuan(part.amountFen)).join(' + ')} = ${formatFenAsYuan(totalFen)}`,
        inputs: {
          basic: `${formatFenAsYuan(basic.amountFen)} yuan`,
          account: `${formatFenAsYuan(account.amountFen)} yuan`,
          transitional: `${formatFenAsYuan(transitional.amountFen)} yuan (${scheme.name})`,
        },
        sources: [...new Set(parts.flatMap((part) => part.explanation.sources))],
      },
    },
  };
}
