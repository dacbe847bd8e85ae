import { formatFenAsYuan, type Fen } from '../../money/index.ts';
import { formatAgeMonths } from '../../retirement/index.ts';
import type { DivisorPolicy, ResolvedDivisor } from './divisor-policy.ts';
import { formatExactRatio, formatRatio } from '../../money/index.ts';
import type { PensionPartDraft } from './pension-part.ts';

/** 个人账户养老金 (GF-2005-38): B / D(age), with D = p/q exact, so B × q / p in fen. */
export function draftAccountPart(
  accountBalanceFen: Fen,
  retirementAgeMonths: number,
  policy: DivisorPolicy,
  resolved: ResolvedDivisor,
  divisorSources: readonly string[],
): PensionPartDraft {
  const { numerator, denominator } = resolved.divisor;
  const divisorExact = formatExactRatio(BigInt(numerator), BigInt(denominator));
  const divisorText = formatRatio(BigInt(numerator), BigInt(denominator));
  const balance = formatFenAsYuan(accountBalanceFen);
  return {
    numerator: BigInt(accountBalanceFen) * BigInt(denominator),
    denominator: BigInt(numerator),
    rule:
      `Personal-account pension (个人账户养老金) = B / D(age): the account balance at retirement divided by the ` +
      `months divisor for the retirement age; divisor policy "${policy.name}" (${policy.description}).`,
    terms: `${balance} / ${divisorExact.includes('/') ? `(${divisorExact})` : divisorExact}`,
    inputs: {
      accountBalance: `${balance} yuan`,
      retirementAge: formatAgeMonths(retirementAgeMonths),
      divisorPolicy: policy.name,
      divisor: `${divisorText} months (${resolved.working})`,
    },
    sources: [...new Set(['GF-2005-38', ...divisorSources])],
  };
}
