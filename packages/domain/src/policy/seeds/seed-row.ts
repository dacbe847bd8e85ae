import type { Period } from '../../time/index.ts';
import type { Category, Insurance, Party } from '../dimensions.ts';
import type { ParameterName } from '../catalogue.ts';
import type { ParameterValue, PolicyParameter } from '../parameter.ts';

export interface SeedScope {
  insurance?: Insurance;
  party?: Party;
  category?: Category;
  validTo?: Period;
}

/** A seed row, version 1; the shorthand keeps the seed tables readable. */
export function seed(
  name: ParameterName,
  regionCode: string,
  validFrom: Period,
  value: ParameterValue,
  source: string,
  scope: SeedScope = {},
): PolicyParameter {
  return {
    name,
    regionCode,
    insurance: scope.insurance ?? null,
    party: scope.party ?? null,
    category: scope.category ?? null,
    validFrom,
    validTo: scope.validTo ?? null,
    value,
    source,
    version: 1,
  };
}

/** Floor and ceiling rows for one contribution year. */
export function baseBand(
  regionCode: string,
  validFrom: Period,
  floorYuan: number,
  ceilingYuan: number,
  source: string,
  scope: SeedScope = {},
): PolicyParameter[] {
  return [
    seed('base.floor', regionCode, validFrom, floorYuan * 100, source, scope),
    seed('base.ceiling', regionCode, validFrom, ceilingYuan * 100, source, scope),
  ];
}
