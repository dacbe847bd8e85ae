import type { Explanation } from '../explain/index.ts';
import { applyRate, formatFenAsYuan, formatPpmAsFactor, type Fen, type Ppm } from '../money/index.ts';
import { requireCount } from '../benefits/pension/require-count.ts';

/*
 * The penalties a finding of the medical fund's supervision may impose (MFR 2021; SIL Arts. 87, 88;
 * docs/RULES.md 16.7): for each article, whom it applies to, the range of the fine as a multiple of the
 * amount lost or defrauded, and the suspension (or termination) it allows.
 */

export const PENALTY_ARTICLES = {
  'MFR Art. 38': {
    subject: 'institution',
    what: 'split hospitalisation, over-treatment, duplicate or over-standard charges, swapped items',
    multiplePpm: [1_000_000, 2_000_000],
    suspensionMonths: [6, 12],
    terminate: false,
  },
  'MFR Art. 40': {
    subject: 'institution',
    what: 'fraud by a designated institution: inducing or impersonating patients, forged records, fictitious services',
    multiplePpm: [2_000_000, 5_000_000],
    suspensionMonths: [6, 12],
    terminate: true,
  },
  'MFR Art. 41': {
    subject: 'person',
    what: 'an insured person lending their credential, impersonating or forging to obtain benefits',
    multiplePpm: [2_000_000, 5_000_000],
    suspensionMonths: [3, 12],
    terminate: false,
  },
  'SIL Art. 88': {
    subject: 'person',
    what: 'an individual obtaining benefits by fraud, forged documents or other means',
    multiplePpm: [2_000_000, 5_000_000],
    suspensionMonths: null,
    terminate: false,
  },
} as const satisfies Record<
  string,
  {
    subject: 'institution' | 'person';
    what: string;
    multiplePpm: readonly [number, number];
    suspensionMonths: readonly [number, number] | null;
    terminate: boolean;
  }
>;
export type PenaltyArticle = keyof typeof PENALTY_ARTICLES;
export const PENALTY_ARTICLE_NAMES = Object.keys(PENALTY_ARTICLES) as PenaltyArticle[];

export interface PenaltyInput {
  article: PenaltyArticle;
  subject: 'institution' | 'person';
  /** What the fund lost or was defrauded of: recovered in full. */
  lossFen: Fen;
  /** The fine as a multiple of the loss, within the article's range. */
  multiplePpm: Ppm;
  /** 0 for none; else within the article's range. */
  suspensionMonths: number;
  terminate: boolean;
}

export interface Penalty {
  recoveryFen: Fen;
  fineFen: Fen;
  explanation: Explanation;
}

/** Checks a proposed penalty against its article and works out the fine; a field out of range is named. */
export function assessPenalty(input: PenaltyInput): Penalty {
  const article = PENALTY_ARTICLES[input.article];
  if (!article) throw new RangeError(`article: must be one of ${PENALTY_ARTICLE_NAMES.join(', ')}`);
  if (article.subject !== input.subject)
    throw new RangeError(
      `subject: ${input.article} applies to ${article.subject === 'person' ? 'a person' : 'an institution'}`,
    );
  const lossFen = requireCount(input.lossFen, 'lossFen');
  if (lossFen === 0) throw new RangeError('lossFen: a finding names the amount lost or defrauded');
  const [low, high] = article.multiplePpm;
  const multiple = requireCount(input.multiplePpm, 'multiplePpm');
  if (multiple < low || multiple > high)
    throw new RangeError(
      `multiplePpm: ${input.article} fines ${formatPpmAsFactor(low)} to ${formatPpmAsFactor(high)} times the amount`,
    );
  const months = requireCount(input.suspensionMonths, 'suspensionMonths');
  if (months > 0) {
    const range = article.suspensionMonths;
    if (range === null) throw new RangeError(`suspensionMonths: ${input.article} suspends nothing`);
    if (months < range[0] || months > range[1])
      throw new RangeError(
        `suspensionMonths: ${input.article} suspends for ${range[0]} to ${range[1]} months`,
      );
  }
  if (input.terminate && !article.terminate)
    throw new RangeError(`terminate: ${input.article} does not end the agreement`);
  if (input.terminate && months > 0)
    throw new RangeError('terminate: an agreement ended is not also suspended');
  const fineFen = applyRate(lossFen, multiple, 'half-up-fen');
  const sanctions = [
    `recover ${formatFenAsYuan(lossFen)}`,
    `fine ${formatPpmAsFactor(multiple)} × ${formatFenAsYuan(lossFen)} = ${formatFenAsYuan(fineFen)}`,
    ...(months > 0
      ? [
          input.subject === 'person'
            ? `suspend direct settlement for ${months} months`
            : `suspend the agreement for ${months} months`,
        ]
      : []),
    ...(input.terminate ? ['terminate the service agreement'] : []),
  ];
  return {
    recoveryFen: lossFen,
    fineFen,
    explanation: {
      rule: `${input.article}: ${article.what}. The amount is recovered to the fund; the fine is ${formatPpmAsFactor(low)} to ${formatPpmAsFactor(high)} times it.`,
      formula: sanctions.join('; '),
      inputs: {
        loss: `${formatFenAsYuan(lossFen)} yuan`,
        multiple: formatPpmAsFactor(multiple),
        suspensionMonths: String(months),
        terminate: String(input.terminate),
      },
      sources: [input.article, ...(input.subject === 'person' ? ['SIL Art. 88'] : ['SIL Art. 87'])],
    },
  };
}
