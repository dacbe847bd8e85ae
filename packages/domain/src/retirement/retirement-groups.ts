import type { Period } from '../time/index.ts';

/**
 * The three groups with different original retirement ages (docs/RULES.md 4.9): men (60), women whose
 * original age was 55 (cadres) and women whose original age was 50 (workers).
 */
export const RETIREMENT_GROUPS = ['male', 'female-55', 'female-50'] as const;
export type RetirementGroup = (typeof RETIREMENT_GROUPS)[number];

/** How the NPC-2024 gradual increase applies to one group. */
export interface RetirementSchedule {
  /** January of the first birth year affected; births before it keep the original age. */
  anchorMonth: Period;
  /** One extra month of retirement age per this many birth months after the anchor. */
  stepMonths: number;
  maxDelayMonths: number;
  originalAgeMonths: number;
  label: string;
}

export const RETIREMENT_SCHEDULES: Readonly<Record<RetirementGroup, RetirementSchedule>> = Object.freeze({
  male: {
    anchorMonth: '1965-01',
    stepMonths: 4,
    maxDelayMonths: 36,
    originalAgeMonths: 60 * 12,
    label: 'men (original age 60)',
  },
  'female-55': {
    anchorMonth: '1970-01',
    stepMonths: 4,
    maxDelayMonths: 36,
    originalAgeMonths: 55 * 12,
    label: 'women, original age 55',
  },
  'female-50': {
    anchorMonth: '1975-01',
    stepMonths: 2,
    maxDelayMonths: 60,
    originalAgeMonths: 50 * 12,
    label: 'women, original age 50',
  },
});

/** NPC-2024 and flexible retirement take effect on 2025-01-01. */
export const NPC_2024_EFFECTIVE_MONTH: Period = '2025-01';

/** Flexible retirement moves the date at most 3 years either way (NPC-2024, FLEX-RET). */
export const FLEXIBLE_RETIREMENT_WINDOW_MONTHS = 36;

export function isRetirementGroup(value: unknown): value is RetirementGroup {
  return typeof value === 'string' && (RETIREMENT_GROUPS as readonly string[]).includes(value);
}

export function parseRetirementGroup(value: unknown, field = 'group'): RetirementGroup {
  if (!isRetirementGroup(value)) {
    throw new RangeError(`${field}: "${String(value)}" is not one of ${RETIREMENT_GROUPS.join(', ')}`);
  }
  return value;
}
