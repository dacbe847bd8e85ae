import type { Award } from './benefits-api.ts';

/** The latest version of each award (a correction is a new version of the same award number). */
export function latestVersions(awards: readonly Award[]): Award[] {
  const latest = new Map<string, Award>();
  for (const award of awards) {
    const known = latest.get(award.awardNo);
    if (!known || known.version < award.version) latest.set(award.awardNo, award);
  }
  return [...latest.values()];
}
