import { regionFallbackChain } from '../regions/index.ts';
import type { ParameterName } from './catalogue.ts';
import type { ParameterQuery, ParameterValue, PolicyParameter } from './parameter.ts';

export class PolicyMissingError extends Error {
  constructor(
    readonly parameterName: string,
    readonly query: ParameterQuery,
  ) {
    const scope = [query.insurance, query.party, query.category].filter(Boolean).join('/');
    super(
      `no policy parameter "${parameterName}"${scope ? ` for ${scope}` : ''} in region ${query.regionCode} ` +
        `(or the regions above it) for ${query.period}`,
    );
    this.name = 'PolicyMissingError';
  }
}

export interface ResolvedParameter<V extends ParameterValue = ParameterValue> {
  value: V;
  parameter: PolicyParameter;
}

/**
 * An in-memory index over policy parameter rows. Lookup walks the region chain from the most specific
 * region up to the national level (county -> prefecture -> province -> national); within the first region
 * that has a matching row it prefers the narrowest scope, then the latest validFrom, then the highest version.
 */
export class PolicyBook {
  private readonly byName = new Map<string, PolicyParameter[]>();
  private readonly cache = new Map<string, ResolvedParameter | null>();

  constructor(parameters: Iterable<PolicyParameter>) {
    for (const parameter of parameters) {
      const list = this.byName.get(parameter.name) ?? [];
      list.push(parameter);
      this.byName.set(parameter.name, list);
    }
  }

  /** The rows as they were known at an instant: later recordings are left out. */
  asOf(recordedAt: string): PolicyBook {
    const rows = [...this.byName.values()].flat();
    return new PolicyBook(rows.filter((row) => row.recordedAt === undefined || row.recordedAt <= recordedAt));
  }

  /**
   * The first month any parameter applies to the region (its own or a region above it): before it the
   * book knows nothing of the region, so nothing can be billed or reckoned there. Undefined when none.
   */
  coverageStart(regionCode: string): string | undefined {
    const chain = new Set(regionFallbackChain(regionCode));
    let start: string | undefined;
    for (const rows of this.byName.values())
      for (const row of rows)
        if (chain.has(row.regionCode) && (start === undefined || row.validFrom < start))
          start = row.validFrom;
    return start;
  }

  find<V extends ParameterValue = ParameterValue>(
    name: ParameterName,
    query: ParameterQuery,
  ): ResolvedParameter<V> | undefined {
    const key = `${name}|${query.regionCode}|${query.period}|${query.insurance ?? ''}|${query.party ?? ''}|${query.category ?? ''}`;
    if (!this.cache.has(key)) this.cache.set(key, this.resolve(name, query));
    return (this.cache.get(key) ?? undefined) as ResolvedParameter<V> | undefined;
  }

  require<V extends ParameterValue = ParameterValue>(
    name: ParameterName,
    query: ParameterQuery,
  ): ResolvedParameter<V> {
    const found = this.find<V>(name, query);
    if (!found) throw new PolicyMissingError(name, query);
    return found;
  }

  private resolve(name: string, query: ParameterQuery): ResolvedParameter | null {
    const rows = this.byName.get(name);
    if (!rows) return null;
    for (const regionCode of regionFallbackChain(query.regionCode)) {
      let best: PolicyParameter | undefined;
      for (const row of rows) {
        if (row.regionCode !== regionCode || !appliesTo(row, query)) continue;
        if (!best || outranks(row, best)) best = row;
      }
      if (best) return { value: best.value, parameter: best };
    }
    return null;
  }
}

function appliesTo(row: PolicyParameter, query: ParameterQuery): boolean {
  if (row.validFrom > query.period) return false;
  if (row.validTo !== null && row.validTo < query.period) return false;
  if (row.insurance !== null && row.insurance !== query.insurance) return false;
  if (row.party !== null && row.party !== query.party) return false;
  if (row.category !== null && row.category !== query.category) return false;
  return true;
}

function narrowness(row: PolicyParameter): number {
  return (row.insurance ? 1 : 0) + (row.party ? 1 : 0) + (row.category ? 1 : 0);
}

function outranks(a: PolicyParameter, b: PolicyParameter): boolean {
  const byScope = narrowness(a) - narrowness(b);
  if (byScope !== 0) return byScope > 0;
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom;
  return a.version > b.version;
}
