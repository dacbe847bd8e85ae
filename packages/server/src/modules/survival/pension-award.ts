import type { SurvivalDeps } from './survival-deps.ts';

export interface PensionAward {
  awardNo: string;
  /** The month of the first payment: the earliest month any version of the award starts (14.6). */
  firstPaymentMonth: string;
  /** Contribution months the award counted, deemed months included, when its explanation gives them. */
  contributionMonths: number | null;
}

/** The person's pension award, asked of benefits; undefined when they have none. */
export async function pensionAwardOf(
  deps: SurvivalDeps,
  personId: number,
): Promise<PensionAward | undefined> {
  const awards = (await deps.benefits.awardsOf(personId)).filter((award) => award.kind === 'pension');
  const first = awards[0];
  if (!first) return undefined;
  const versions = awards.filter((award) => award.awardNo === first.awardNo);
  const eligibility = versions.at(-1)!.explanation.eligibility as
    { inputs?: Record<string, string> } | undefined;
  const months = Number(eligibility?.inputs?.contributionMonths);
  return {
    awardNo: first.awardNo,
    firstPaymentMonth: versions.map((award) => award.validFrom).sort()[0]!,
    contributionMonths: Number.isSafeInteger(months) && months >= 0 ? months : null,
  };
}
