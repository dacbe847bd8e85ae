import {
  assessPenalty,
  formatPpmAsFactor,
  parseScaledDecimal,
  PENALTY_ARTICLE_NAMES,
  PENALTY_ARTICLES,
  type PenaltyArticle,
} from '@shebao/domain';
import { typedYuanToFen } from '../money/typed-values.ts';
import type { FindingSubject } from './supervision-api.ts';

/*
 * What each article lets a finding impose (MFR Arts. 38, 40, 41; SIL Art. 88; docs/RULES.md 16.7), read
 * from the domain's table, and the check of a proposed penalty against it as the officer types it: the
 * fine it comes to is the domain's own sum (assessPenalty), so the form shows what the server will record.
 */

/** The key of an article's texts (an article's name has dots and spaces, which i18n keys cannot). */
export const ARTICLE_KEYS = {
  'MFR Art. 38': 'mfr38',
  'MFR Art. 40': 'mfr40',
  'MFR Art. 41': 'mfr41',
  'SIL Art. 88': 'sil88',
} as const satisfies Record<PenaltyArticle, string>;
export type ArticleKey = (typeof ARTICLE_KEYS)[PenaltyArticle];

/** The articles that apply to an institution or to a person, in the table's order. */
export function articlesFor(subject: FindingSubject): PenaltyArticle[] {
  return PENALTY_ARTICLE_NAMES.filter((article) => PENALTY_ARTICLES[article].subject === subject);
}

/** What an article allows, in numbers the texts fill in. */
export interface ArticleAllowance {
  subject: FindingSubject;
  /** The fine's least and greatest multiple of the loss ("1", "2"). */
  low: string;
  high: string;
  /** The months a suspension may last, or null where the article suspends nothing. */
  suspension: readonly [number, number] | null;
  /** Whether it may end the institution's agreement instead. */
  terminate: boolean;
}

export function allowanceOf(article: PenaltyArticle): ArticleAllowance {
  const terms = PENALTY_ARTICLES[article];
  return {
    subject: terms.subject,
    low: formatPpmAsFactor(terms.multiplePpm[0]),
    high: formatPpmAsFactor(terms.multiplePpm[1]),
    suspension: terms.suspensionMonths,
    terminate: terms.terminate,
  };
}

/** "1.5" (or "1.5倍", "1.5x") -> 1500000 ppm; null unless a multiple above 0 with at most six decimals. */
export function typedMultipleToPpm(text: string | undefined): number | null {
  const plain = (text ?? '')
    .trim()
    .replace(/\s*(倍|x|×)$/i, '')
    .trim();
  if (plain === '') return null;
  try {
    const ppm = parseScaledDecimal(plain, 6, 'multiple');
    return ppm > 0 ? ppm : null;
  } catch {
    return null;
  }
}

/** The finding's penalty as the form holds it: amounts as typed. */
export interface PenaltyValues {
  article?: PenaltyArticle;
  /** Yuan, as typed. */
  loss?: string;
  /** The fine as a multiple of the loss, as typed ("1.5"). */
  multiple?: string;
  /** Months of suspension; none when empty or 0. */
  suspensionMonths?: number | null;
  terminate?: boolean;
}

/** Why a penalty does not stand yet, each the key of its text. */
export type PenaltyProblem =
  | 'noArticle'
  | 'loss'
  | 'lossAboveStanding'
  | 'multiple'
  | 'multipleOutOfRange'
  | 'suspensionNotAllowed'
  | 'suspensionOutOfRange'
  | 'terminateNotAllowed'
  | 'terminateAndSuspend';

export type PenaltyCheck =
  | {
      ok: true;
      lossFen: number;
      multiplePpm: number;
      fineFen: number;
      suspensionMonths: number;
      terminate: boolean;
    }
  | { ok: false; problem: PenaltyProblem };

/**
 * Every problem of a penalty against its article and against what the fund paid on the flagged claims
 * (`standingFen`: the loss cannot be more), each field's on its own, so a form can show each at its field.
 */
export function penaltyProblems(values: PenaltyValues, standingFen: number): PenaltyProblem[] {
  const problems: PenaltyProblem[] = [];
  const { article } = values;
  if (!article) problems.push('noArticle');
  const lossFen = typedYuanToFen(values.loss ?? '');
  if (lossFen === null) problems.push('loss');
  else if (lossFen > standingFen) problems.push('lossAboveStanding');
  const multiplePpm = typedMultipleToPpm(values.multiple);
  if (multiplePpm === null) problems.push('multiple');
  if (!article) return problems;
  const allowance = allowanceOf(article);
  const [low, high] = PENALTY_ARTICLES[article].multiplePpm;
  if (multiplePpm !== null && (multiplePpm < low || multiplePpm > high)) problems.push('multipleOutOfRange');
  const months = values.suspensionMonths ?? 0;
  if (months > 0 && allowance.suspension === null) problems.push('suspensionNotAllowed');
  else if (months > 0 && (months < allowance.suspension![0] || months > allowance.suspension![1]))
    problems.push('suspensionOutOfRange');
  if (values.terminate && !allowance.terminate) problems.push('terminateNotAllowed');
  else if (values.terminate && months > 0) problems.push('terminateAndSuspend');
  return problems;
}

/** Checks a penalty (penaltyProblems) and works out the fine; else the first problem found. */
export function checkPenalty(values: PenaltyValues, standingFen: number): PenaltyCheck {
  const [problem] = penaltyProblems(values, standingFen);
  if (problem) return { ok: false, problem };
  const article = values.article!;
  const lossFen = typedYuanToFen(values.loss ?? '')!;
  const multiplePpm = typedMultipleToPpm(values.multiple)!;
  const months = values.suspensionMonths ?? 0;
  const terminate = values.terminate === true;
  const penalty = assessPenalty({
    article,
    subject: PENALTY_ARTICLES[article].subject,
    lossFen,
    multiplePpm,
    suspensionMonths: months,
    terminate,
  });
  return { ok: true, lossFen, multiplePpm, fineFen: penalty.fineFen, suspensionMonths: months, terminate };
}
