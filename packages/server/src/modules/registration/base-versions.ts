import type { BaseVersionKey } from './registration.repository.ts';

/**
 * Hands out version numbers for new base declarations: max + 1 per (person, employer, cycle), counting
 * on from the stored versions and from the rows handed out before in the same batch. A declaration is
 * never updated; the assessment reads the latest version.
 */
export function createVersionCounter(stored: readonly BaseVersionKey[]) {
  const latest = new Map<string, number>();
  const keyOf = (personId: number, employerId: number, cycleStart: string) =>
    `${personId}|${employerId}|${cycleStart}`;
  for (const row of stored) latest.set(keyOf(row.personId, row.employerId, row.cycleStart), row.version);
  return {
    next(personId: number, employerId: number, cycleStart: string): number {
      const key = keyOf(personId, employerId, cycleStart);
      const version = (latest.get(key) ?? 0) + 1;
      latest.set(key, version);
      return version;
    },
  };
}
