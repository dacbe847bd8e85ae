import { addMonthsToDate, type BusinessDate } from '@shebao/domain';
import { AppError, ErrorCode, type DetailCode } from '../../errors/index.ts';
import type { Employment, Person } from '../registration/index.ts';
import { selectApplication, selectPersonApplications } from './applications.repository.ts';
import type { NewApplicationInput } from './applications.schemas.ts';
import type { BenefitsDeps } from './benefits-deps.ts';

/*
 * What filing checks for work injury, unemployment and maternity (docs/RULES.md 15.14): the dates the facts
 * give are not in the future, the employer who files was the person's employer when it matters, a person
 * applies for an injury within the year the law gives, and one claim is open for one event.
 */

const OPEN_STATES = new Set(['under-review', 'awaiting-material', 'proposed']);

export interface FilingContext {
  deps: BenefitsDeps;
  person: Person;
  employments: readonly Employment[];
  /** Set when the employer files. */
  employerId: number | undefined;
  filedOn: BusinessDate;
}

function fail(
  field: string,
  message: string,
  detailCode: DetailCode,
  params?: Record<string, string>,
): never {
  throw new AppError(ErrorCode.VALIDATION, `${field}: ${message}`, {
    field,
    detailCode,
    ...(params ? { params } : {}),
  });
}

function notAfterFiling(date: string, field: string, filedOn: string): void {
  if (date > filedOn) fail(field, `${date} is after the day of filing ${filedOn}`, 'date-in-future');
}

/** The person's employment with the employer that includes the day, if any. */
export function employmentOn(
  employments: readonly Employment[],
  employerId: number,
  day: string,
): Employment | undefined {
  return employments.find(
    (employment) =>
      employment.employerId === employerId &&
      employment.hiredOn <= day &&
      (employment.leftOn === null || employment.leftOn >= day),
  );
}

function requireEmployerOn(context: FilingContext, day: string, what: string): void {
  if (context.employerId === undefined) return;
  if (!employmentOn(context.employments, context.employerId, day))
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `person ${context.person.id} was not an employee of employer ${context.employerId} on ${day} (${what})`,
      { detailCode: 'not-an-employee' },
    );
}

async function requireNoOpenClaim(
  context: FilingContext,
  kind: string,
  same: (facts: Record<string, unknown>) => boolean,
): Promise<void> {
  const open = (await selectPersonApplications(context.deps.db, context.person.id)).find(
    (row) =>
      row.kind === kind &&
      OPEN_STATES.has(row.state) &&
      same(JSON.parse(row.facts) as Record<string, unknown>),
  );
  if (open)
    throw new AppError(
      ErrorCode.CONFLICT,
      `an application (${open.application_no}) for this is already open`,
      {
        field: 'kind',
        detailCode: 'claim-open',
        params: { applicationNo: open.application_no },
      },
    );
}

/** The death benefits of an injury are awarded once (WIIR Art. 39): a second claim after an award is refused. */
async function requireNoDeathAward(context: FilingContext, identificationId: number): Promise<void> {
  const awarded = (await selectPersonApplications(context.deps.db, context.person.id)).find((row) => {
    if (row.kind !== 'injury-benefits' || row.decision !== 'award') return false;
    const facts = JSON.parse(row.facts) as { identificationId?: number; death?: unknown };
    return facts.identificationId === identificationId && facts.death !== undefined;
  });
  if (awarded)
    fail(
      'facts.death',
      `the death benefits of this injury were awarded on ${awarded.application_no}`,
      'facts-inconsistent',
      { applicationNo: awarded.application_no },
    );
}

/** The kind-specific checks of a filing; pensions and record corrections are checked where they were. */
export async function checkBenefitFiling(
  context: FilingContext,
  application: NewApplicationInput,
): Promise<void> {
  switch (application.kind) {
    case 'work-injury': {
      const facts = application.facts;
      notAfterFiling(facts.eventDate, 'facts.eventDate', context.filedOn);
      if (context.employerId !== undefined && facts.employerId !== context.employerId)
        fail(
          'facts.employerId',
          'an employer applies for an injury at its own workplace',
          'not-own-employer',
        );
      requireEmployerOn(context, facts.eventDate, 'the day of the accident or diagnosis');
      // A person, relative or union has one year (WIIR Art. 17); a late employer is accepted and bears the
      // late period (docs/RULES.md 15.15), which the decision records.
      const lastDay = addMonthsToDate(facts.eventDate, 12);
      if (context.employerId === undefined && context.filedOn > lastDay)
        fail(
          'facts.eventDate',
          `the year to apply after ${facts.eventDate} ended on ${lastDay}: the application is out of time (WIIR Art. 17)`,
          'filing-deadline-passed',
          { eventDate: facts.eventDate, lastDay },
        );
      await requireNoOpenClaim(context, 'work-injury', (facts2) => facts2.eventDate === facts.eventDate);
      return;
    }
    case 'injury-benefits': {
      const identification = await selectApplication(context.deps.db, application.facts.identificationId);
      if (
        !identification ||
        identification.person_id !== context.person.id ||
        identification.kind !== 'work-injury' ||
        identification.decision !== 'identified'
      )
        fail(
          'facts.identificationId',
          'is not an identified work injury of this person',
          'injury-not-identified',
        );
      await requireNoOpenClaim(
        context,
        'injury-benefits',
        (facts) => facts.identificationId === application.facts.identificationId,
      );
      const medical = application.facts.medical;
      if (medical) {
        if (application.facts.death)
          fail('facts.medical', 'is claimed apart from the death benefits', 'facts-inconsistent');
        const injury = JSON.parse(identification!.facts) as { eventDate: string };
        if (medical.treatedFrom < injury.eventDate)
          fail(
            'facts.medical.treatedFrom',
            `${medical.treatedFrom} is before the injury of ${injury.eventDate}`,
            'facts-inconsistent',
          );
        if (medical.treatedTo < medical.treatedFrom)
          fail('facts.medical.treatedTo', 'is before the first day of treatment', 'facts-inconsistent');
        notAfterFiling(medical.treatedTo, 'facts.medical.treatedTo', context.filedOn);
        if (medical.coveredFen > medical.costsFen)
          fail('facts.medical.coveredFen', 'is more than the costs', 'facts-inconsistent');
      }
      const death = application.facts.death;
      if (death) {
        notAfterFiling(death.diedOn, 'facts.death.diedOn', context.filedOn);
        const injury = JSON.parse(identification!.facts) as { eventDate: string };
        if (death.diedOn < injury.eventDate)
          fail(
            'facts.death.diedOn',
            `${death.diedOn} is before the injury of ${injury.eventDate}`,
            'facts-inconsistent',
          );
        if (death.orphansOrLoneElderly > death.otherDependents + (death.spouse ? 1 : 0))
          fail(
            'facts.death.orphansOrLoneElderly',
            'counts more orphans or lone elderly than dependents (the spouse included)',
            'facts-inconsistent',
          );
        await requireNoDeathAward(context, application.facts.identificationId);
      }
      return;
    }
    case 'unemployment': {
      notAfterFiling(application.facts.registeredOn, 'facts.registeredOn', context.filedOn);
      if (context.employerId !== undefined) {
        const ended = context.employments.find(
          (employment) => employment.employerId === context.employerId && employment.leftOn !== null,
        );
        if (!ended)
          throw new AppError(
            ErrorCode.FORBIDDEN,
            `person ${context.person.id} has no ended employment with employer ${context.employerId}`,
            { detailCode: 'not-an-employee' },
          );
      }
      await requireNoOpenClaim(context, 'unemployment', () => true);
      return;
    }
    case 'maternity': {
      const facts = application.facts;
      notAfterFiling(facts.eventDate, 'facts.eventDate', context.filedOn);
      if (facts.event === 'miscarriage' && !facts.miscarriageStage)
        fail(
          'facts.miscarriageStage',
          'say whether the miscarriage was before the 4th month (early) or from it (late)',
          'facts-inconsistent',
        );
      if (facts.event === 'birth' && facts.miscarriageStage)
        fail('facts.miscarriageStage', 'is only for a miscarriage', 'facts-inconsistent');
      if (facts.spouse && context.person.sex !== 'male')
        fail(
          'facts.spouse',
          'is for the unemployed spouse of an insured man (SIL Art. 54)',
          'facts-inconsistent',
        );
      if (!facts.spouse && context.person.sex !== 'female')
        fail(
          'facts.spouse',
          'an insured man claims for his unemployed spouse: name her',
          'facts-inconsistent',
        );
      requireEmployerOn(context, facts.eventDate, 'the day of the birth');
      await requireNoOpenClaim(context, 'maternity', (facts2) => facts2.eventDate === facts.eventDate);
      return;
    }
    default:
      return;
  }
}
