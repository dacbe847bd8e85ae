import type { Period } from '../time/index.ts';
import type { Category, Insurance, Party } from './dimensions.ts';

/** A parameter's value: an integer (fen, ppm, months ...), a text (a rounding mode ...), or a table. */
export type ParameterValue = number | string | readonly unknown[] | { readonly [key: string]: unknown };

/**
 * One version of a policy parameter. Parameters are scoped by region and effective period and carry
 * the document that set them; a change is a new row (a later version), never an edit.
 */
export interface PolicyParameter {
  name: string;
  /** GB/T 2260 code, or NATIONAL_REGION. */
  regionCode: string;
  /** null means the row applies to every insurance (party, category) unless a narrower row exists. */
  insurance: Insurance | null;
  party: Party | null;
  category: Category | null;
  /** First month the value applies to. */
  validFrom: Period;
  /** Last month it applies to (inclusive); null means until a later row takes over. */
  validTo: Period | null;
  value: ParameterValue;
  /** The document that set it, e.g. "京人社发〔2025〕13号". */
  source: string;
  /** Higher versions of the same scope and validFrom supersede lower ones. */
  version: number;
  /** When the row was recorded (ISO timestamp); lets a lookup see the rules as they were known then. */
  recordedAt?: string;
}

export interface ParameterQuery {
  regionCode: string;
  period: Period;
  insurance?: Insurance;
  party?: Party;
  category?: Category;
}
