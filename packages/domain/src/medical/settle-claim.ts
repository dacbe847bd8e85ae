import type { Explanation } from '../explain/index.ts';
import { applyRate, formatFenAsYuan, formatPpmAsPercent, type Fen, type Ppm } from '../money/index.ts';
import type { RegionalRule } from '../benefits/death/index.ts';
import { requireCount } from '../benefits/pension/require-count.ts';
import {
  BENEFIT_LINES,
  type BenefitLine,
  type ClaimKind,
  type InstitutionLevel,
  type MedicalBenefitRule,
  type MedicalPersonType,
} from './medical-rules.ts';

/**
 * The catalogue class of an item (docs/RULES.md 16.3): covered in full (甲类), covered after the person's
 * own share (乙类, the share set by the catalogue), or not covered (丙类 and anything outside the catalogue).
 */
export const ITEM_CLASSES = ['full', 'part', 'none'] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number];

export interface ClaimItem {
  itemClass: ItemClass;
  amountFen: Fen;
  /** For a part-covered item: the share the person pays first, before the deductible and the ratio. */
  selfPaySharePpm?: Ppm;
}

/** What the person has had from the pooling fund in the year before this claim. */
export interface YearToDate {
  deductibleUsedFen: Record<BenefitLine, Fen>;
  pooledFen: Record<BenefitLine, Fen>;
}

export interface ClaimSettlementInput {
  kind: ClaimKind;
  /** The level of the hospital or clinic; a pharmacy's purchases take the level the rule names. */
  institutionLevel: InstitutionLevel | null;
  personType: MedicalPersonType;
  items: readonly ClaimItem[];
  yearToDate: YearToDate;
  /** Whether the person asked to pay their share from the medical personal account, and its balance. */
  account: { use: boolean; balanceFen: Fen };
  rule: RegionalRule<MedicalBenefitRule>;
}

export interface ClaimSettlement {
  /** The benefit line the claim is pooled under, or null where the fund pays nothing for its kind. */
  line: BenefitLine | null;
  totalFen: Fen;
  /** Items the catalogue does not cover. */
  notCoveredFen: Fen;
  /** The person's own share of part-covered items. */
  partSelfPayFen: Fen;
  /** Total less the two above: what the fund's rules apply to. */
  policyRangeFen: Fen;
  deductibleFen: Fen;
  /** The person's share above the deductible (1 - ratio). */
  coinsuranceFen: Fen;
  /** What the ratio would have paid beyond the year's caps. */
  overCapFen: Fen;
  pooledFen: Fen;
  /** Total less pooled: what the person owes, from the account and in cash. */
  personOwesFen: Fen;
  accountFen: Fen;
  cashFen: Fen;
  ratioPpm: Ppm;
  yearAfter: YearToDate;
  /** The caps left after this claim: the line's (null when it has none) and the overall. */
  lineCapLeftFen: Fen | null;
  annualCapLeftFen: Fen;
  explanation: Explanation;
}

const KIND_LINE: Record<Exclude<ClaimKind, 'pharmacy'>, BenefitLine> = {
  outpatient: 'outpatient',
  inpatient: 'inpatient',
  chronic: 'chronic',
};

export function sumLines(amounts: Record<BenefitLine, Fen>): Fen {
  return BENEFIT_LINES.reduce((sum, line) => sum + amounts[line], 0);
}

/**
 * Settles one claim (docs/RULES.md 16.3): the catalogue classes first, then the year's deductible of the
 * claim's line by level, the ratio, the line's cap and the overall annual cap of the pooling fund, then the
 * personal account for what the person owes where they chose it, the rest in cash. The parts always add up:
 * total = pooled + account + cash.
 */
export function settleClaim(input: ClaimSettlementInput): ClaimSettlement {
  const { rule, source } = input.rule;
  const typeRule = rule.personTypes[input.personType];
  if (!typeRule) throw new RangeError(`personType: the scheme's rule has no terms for ${input.personType}`);
  if (input.items.length === 0) throw new RangeError('items: a claim needs at least one item');

  let totalFen = 0;
  let notCoveredFen = 0;
  let partSelfPayFen = 0;
  input.items.forEach((item, index) => {
    const amountFen = requireCount(item.amountFen, `items[${index}].amountFen`);
    totalFen += amountFen;
    if (item.itemClass === 'none') notCoveredFen += amountFen;
    else if (item.itemClass === 'part') {
      const share = requireCount(item.selfPaySharePpm ?? 0, `items[${index}].selfPaySharePpm`);
      if (share > 1_000_000) throw new RangeError(`items[${index}].selfPaySharePpm: at most 1000000`);
      partSelfPayFen += applyRate(amountFen, share, rule.rounding);
    } else if (item.itemClass !== 'full') {
      throw new RangeError(`items[${index}].itemClass: must be full, part or none`);
    }
  });
  const policyRangeFen = totalFen - notCoveredFen - partSelfPayFen;

  const pooledUnder =
    input.kind === 'pharmacy'
      ? rule.pharmacy
      : { line: KIND_LINE[input.kind], level: input.institutionLevel ?? 1 };
  if (input.kind !== 'pharmacy' && input.institutionLevel === null)
    throw new RangeError('institutionLevel: a hospital or clinic claim needs the institution level');

  const yearAfter: YearToDate = {
    deductibleUsedFen: { ...input.yearToDate.deductibleUsedFen },
    pooledFen: { ...input.yearToDate.pooledFen },
  };
  const pooledBeforeFen = sumLines(input.yearToDate.pooledFen);
  let deductibleFen = 0;
  let coinsuranceFen = 0;
  let overCapFen = 0;
  let pooledFen = 0;
  let ratioPpm = 0;
  let lineCapLeftFen: Fen | null = null;
  const steps: string[] = [
    `total ${formatFenAsYuan(totalFen)}; not covered ${formatFenAsYuan(notCoveredFen)}; own share of part-covered items ${formatFenAsYuan(partSelfPayFen)}; within the policy range ${formatFenAsYuan(policyRangeFen)}`,
  ];
  const inputs: Record<string, string> = {
    kind: input.kind,
    personType: input.personType,
    total: `${formatFenAsYuan(totalFen)} yuan`,
  };

  if (pooledUnder === null) {
    steps.push('the fund pools nothing for this kind of claim');
  } else {
    const { line, level } = pooledUnder;
    const levelKey = String(level) as '1' | '2' | '3';
    const lineRule = typeRule.lines[line];
    inputs.line = line;
    inputs.level = levelKey;
    const yearDeductible = lineRule.deductibleFen[levelKey];
    const deductibleLeft = Math.max(0, yearDeductible - input.yearToDate.deductibleUsedFen[line]);
    deductibleFen = Math.min(deductibleLeft, policyRangeFen);
    yearAfter.deductibleUsedFen[line] += deductibleFen;
    steps.push(
      `deductible of the year on the ${line} line at level ${levelKey}: ${formatFenAsYuan(yearDeductible)}, used before ${formatFenAsYuan(input.yearToDate.deductibleUsedFen[line])}, applied now ${formatFenAsYuan(deductibleFen)}`,
    );
    const aboveFen = policyRangeFen - deductibleFen;
    ratioPpm = lineRule.ratioPpm[levelKey];
    const byRatioFen = applyRate(aboveFen, ratioPpm, rule.rounding);
    coinsuranceFen = aboveFen - byRatioFen;
    steps.push(
      `${formatFenAsYuan(aboveFen)} × ${formatPpmAsPercent(ratioPpm)} = ${formatFenAsYuan(byRatioFen)}; the person's share ${formatFenAsYuan(coinsuranceFen)}`,
    );
    const annualLeft = Math.max(0, typeRule.annualCapFen - pooledBeforeFen);
    let capped = Math.min(byRatioFen, annualLeft);
    if (lineRule.capFen !== null) {
      const lineLeft = Math.max(0, lineRule.capFen - input.yearToDate.pooledFen[line]);
      capped = Math.min(capped, lineLeft);
      lineCapLeftFen = lineLeft - capped;
      steps.push(
        `${line} cap of the year ${formatFenAsYuan(lineRule.capFen)}, left before ${formatFenAsYuan(lineLeft)}`,
      );
    }
    steps.push(
      `annual cap of the pooling fund ${formatFenAsYuan(typeRule.annualCapFen)}, left before ${formatFenAsYuan(annualLeft)}`,
    );
    pooledFen = capped;
    overCapFen = byRatioFen - pooledFen;
    yearAfter.pooledFen[line] += pooledFen;
    steps.push(
      overCapFen > 0
        ? `the fund pays ${formatFenAsYuan(pooledFen)}; ${formatFenAsYuan(overCapFen)} is above the cap and falls to the person`
        : `the fund pays ${formatFenAsYuan(pooledFen)}`,
    );
  }

  const personOwesFen = totalFen - pooledFen;
  const balanceFen = requireCount(input.account.balanceFen, 'account.balanceFen');
  const accountFen = input.account.use ? Math.min(personOwesFen, balanceFen) : 0;
  const cashFen = personOwesFen - accountFen;
  steps.push(
    input.account.use
      ? `the person owes ${formatFenAsYuan(personOwesFen)}: ${formatFenAsYuan(accountFen)} from the medical personal account (balance ${formatFenAsYuan(balanceFen)}), ${formatFenAsYuan(cashFen)} in cash`
      : `the person owes ${formatFenAsYuan(personOwesFen)}, paid in cash`,
  );

  return {
    line: pooledUnder?.line ?? null,
    totalFen,
    notCoveredFen,
    partSelfPayFen,
    policyRangeFen,
    deductibleFen,
    coinsuranceFen,
    overCapFen,
    pooledFen,
    personOwesFen,
    accountFen,
    cashFen,
    ratioPpm,
    yearAfter,
    lineCapLeftFen,
    annualCapLeftFen: typeRule.annualCapFen - Math.min(typeRule.annualCapFen, pooledBeforeFen + pooledFen),
    explanation: {
      rule: 'Catalogue classes, then the year’s deductible of the line by level, the ratio, the line’s cap and the annual cap; the personal account where chosen, the rest in cash.',
      formula: steps.join('; '),
      inputs,
      sources: ['SIL Art. 28', 'SIL Art. 29', 'GF-1998-44', 'GBF-2021-14', source],
    },
  };
}

export function emptyYearToDate(): YearToDate {
  return {
    deductibleUsedFen: { outpatient: 0, inpatient: 0, chronic: 0 },
    pooledFen: { outpatient: 0, inpatient: 0, chronic: 0 },
  };
}
