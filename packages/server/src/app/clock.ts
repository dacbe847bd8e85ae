import { chinaDateOf, daysBetween, type BusinessDate } from '@shebao/domain';

/**
 * The one place the server reads the time, so tests, demos and replays can fix it. Everything that asks
 * "what is today" (the month run's default period, due dates, late fees, the web app's today) asks this.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at one instant: unit tests. */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}

const DAY_MS = 86_400_000;

/**
 * A clock that runs, shifted by whole days so that today (China time) is `today` at the moment it is made:
 * the time of day stays real, sessions still expire and tomorrow still comes. SHEBAO_TODAY sets it for
 * demos and browser tests, which must not depend on the day they are run.
 */
export function clockShiftedTo(today: BusinessDate, base: Clock = systemClock): Clock {
  const offsetMs = daysBetween(chinaDateOf(base.now()), today) * DAY_MS;
  return { now: () => new Date(base.now().getTime() + offsetMs) };
}

/** The clock a configuration asks for: the machine's, or one shifted to SHEBAO_TODAY. */
export function clockFor(config: { readonly today?: BusinessDate }): Clock {
  return config.today === undefined ? systemClock : clockShiftedTo(config.today);
}
