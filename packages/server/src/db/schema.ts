import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Kysely table types. Column names are snake_case, as in the database; repositories map rows to
 * the camelCase domain objects. Periods are text 'YYYY-MM', dates 'YYYY-MM-DD', timestamps ISO 8601
 * text, so both dialects store and return them the same way.
 */
export interface Database {
  regions: RegionsTable;
  policy_parameters: PolicyParametersTable;
}

export type RegionLevel = 'national' | 'province' | 'prefecture' | 'county';

/** Administrative divisions by GB/T 2260 code; parameter lookups fall back along parent_code. */
export interface RegionsTable {
  /** Six digits, e.g. "110105". */
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

/**
 * One version of one policy parameter (rate, floor, ceiling, average wage, ...). Append-only: a
 * change is a new row with the next version; rows are never updated or deleted.
 * A null dimension (insurance, party, category) means "applies to all".
 */
export interface PolicyParametersTable {
  id: Generated<number>;
  name: string;
  region_code: string;
  insurance: string | null;
  party: string | null;
  category: string | null;
  /** First month in force, 'YYYY-MM'. */
  valid_from: string;
  /** Last month in force (inclusive), 'YYYY-MM'; null while open-ended. */
  valid_to: string | null;
  /** JSON text of the value: an integer (fen, ppm), a string, an array or an object. */
  value_json: string;
  /** The document that sets it, e.g. "京人社发〔2024〕12号". */
  source: string;
  /** 1, 2, ... within (name, region, dimensions, valid_from). */
  version: number;
  recorded_at: string;
  recorded_by: string;
  approved_by: string | null;
}

export type Region = Selectable<RegionsTable>;
export type NewRegion = Insertable<RegionsTable>;
export type PolicyParameterRow = Selectable<PolicyParametersTable>;
export type NewPolicyParameterRow = Insertable<PolicyParametersTable>;
