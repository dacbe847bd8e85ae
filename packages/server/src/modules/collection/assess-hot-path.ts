import { assessPersonMonth, type ContributionSchedule, type PersonMonthAmounts } from '@shebao/domain';

/** Person id × 2^22 + position is exact in a double (below 2^53) for person ids below 2^31. */
const POSITIONS = 2 ** 22;

const assessed = new WeakMap<ContributionSchedule, Map<number, Readonly<PersonMonthAmounts>>>();

/**
 * assessPersonMonth, computed once per schedule and declared base: the amounts are a pure function of the
 * two, and a month's staff of one kind of employer share bases often (bases are declared to the yuan, and
 * everyone below the floor or above the ceiling is assessed at it). Schedules are compiled per run, so the
 * memo lives as long as the run's schedules. The amounts are shared between lines: frozen, never mutated.
 */
export function assessPersonMonthOnce(
  schedule: ContributionSchedule,
  declaredFen: number,
): Readonly<PersonMonthAmounts> {
  let bySchedule = assessed.get(schedule);
  if (!bySchedule) assessed.set(schedule, (bySchedule = new Map()));
  let amounts = bySchedule.get(declaredFen);
  if (!amounts)
    bySchedule.set(declaredFen, (amounts = Object.freeze(assessPersonMonth(schedule, declaredFen))));
  return amounts;
}

/**
 * Sorts line rows by person (their second column) so the person index takes them in one sweep. Through a
 * typed array of person id and position packed into one number: a native numeric sort, not a comparator
 * call per comparison (a million lines a month). Stable, as the positions break ties.
 */
export function sortRowsByPerson<Row extends readonly unknown[]>(rows: Row[]): void {
  const keys = new Float64Array(rows.length);
  let packable = rows.length <= POSITIONS;
  for (let index = 0; packable && index < rows.length; index += 1) {
    // A line without a person (an estimate) sorts first.
    const personId = (rows[index]![1] as number | null) ?? 0;
    packable = personId < 2 ** 31;
    keys[index] = personId * POSITIONS + index;
  }
  if (!packable) {
    rows.sort((a, b) => ((a[1] as number | null) ?? 0) - ((b[1] as number | null) ?? 0));
    return;
  }
  keys.sort();
  const sorted = Array.from(keys, (key) => rows[key % POSITIONS]!);
  for (let index = 0; index < rows.length; index += 1) rows[index] = sorted[index]!;
}
