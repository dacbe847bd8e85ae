import { checkPoolingRegion, dateToPeriod, regionCodePrefix } from '@shebao/domain';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { invalidField } from './failures.ts';
import type { Declaration } from './records.ts';
import {
  insertDeclarationIfAbsent,
  insertRegionDeclarations,
  selectDeclaration,
} from './registration.repository.ts';
import { resolveEmployer } from './resolve-refs.ts';
import {
  declareMonthInput,
  declareRegionMonthInput,
  type DeclareMonthInput,
} from './registration.schemas.ts';

export interface MonthDeclarationResult {
  declaration: Declaration;
  /** False when the month was declared before: declaring again changes nothing and returns the first. */
  created: boolean;
}

/**
 * The employer's monthly declaration (月度申报). Without one the month is assessed at 110% of the
 * previous month (SIL Art. 62); with one, on the declared bases. Idempotent.
 */
export async function declareMonth(
  context: RegistrationContext,
  input: DeclareMonthInput,
): Promise<MonthDeclarationResult> {
  const request = parseInput(declareMonthInput, input);
  const { today, recordedAt } = stampNow(context);
  return context.db.transaction().execute(async (trx) => {
    const employer = await resolveEmployer(trx, request);
    if (request.period < dateToPeriod(employer.establishedOn)) {
      throw invalidField(
        'period',
        `${request.period} is before the employer was established, ${employer.establishedOn}`,
      );
    }
    const created = await insertDeclarationIfAbsent(trx, {
      employerId: employer.id,
      period: request.period,
      declaredOn: today,
      recordedAt,
    });
    const declaration = await selectDeclaration(trx, employer.id, request.period);
    return { declaration: declaration!, created };
  });
}

/**
 * Declares the month for every employer of a region (and the regions inside it) that has not yet,
 * in one INSERT ... SELECT; employers established after the month are left out. Returns how many
 * declarations were recorded; a re-run records none.
 */
export async function declareMonthForRegion(
  context: RegistrationContext,
  regionCode: string,
  period: string,
): Promise<{ declared: number }> {
  const request = parseInput(declareRegionMonthInput, { regionCode, period });
  const regionProblem = checkPoolingRegion(request.regionCode);
  if (regionProblem) throw invalidField('regionCode', regionProblem);
  const { today, recordedAt } = stampNow(context);
  const declared = await context.db
    .transaction()
    .execute((trx) =>
      insertRegionDeclarations(trx, regionCodePrefix(request.regionCode), request.period, today, recordedAt),
    );
  return { declared };
}
