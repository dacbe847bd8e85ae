import { chinaDateOf, type BusinessDate, type PolicyBook } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { fromZodError } from '../../errors/index.ts';

/** What every registration use case runs with: the database, the clock and the policy parameters. */
export interface RegistrationContext {
  db: Kysely<Database>;
  clock: Clock;
  loadBook(): Promise<PolicyBook>;
  /** PolicyService.checkPeriod: a period within the region's coverage and the horizon. */
  checkPeriod(period: string, field: string, regionCode?: string): Promise<void>;
}

/** The two clocks of a record: the business date (China time) and the instant it was recorded. */
export function stampNow(context: RegistrationContext): { today: BusinessDate; recordedAt: string } {
  const now = context.clock.now();
  return { today: chinaDateOf(now), recordedAt: now.toISOString() };
}

/** Parses a request with its schema; a bad one becomes VALIDATION naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
