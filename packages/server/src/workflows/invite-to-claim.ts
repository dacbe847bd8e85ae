import {
  addMonths,
  calculateRetirement,
  dateToPeriod,
  periodYear,
  regionCodePrefix,
  retirementInvitation,
  type RetirementGroup,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../app/clock.ts';
import type { Database } from '../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../errors/index.ts';
import {
  invitationRunInput,
  type BenefitsService,
  type InvitationRunInput,
  type InvitationRunReply,
  type NewInvitation,
} from '../modules/benefits/index.ts';
import type { PolicyService } from '../modules/policy/index.ts';
import { selectPersonsBornBetween } from '../modules/registration/index.ts';

/*
 * The month's invitations to claim the pension (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.7,
 * 14.13): the persons of a region whose statutory retirement month falls in the next three months
 * (registration), less those already claiming (benefits), each judged on their own record (benefits, the
 * domain's retirementInvitation), stored once per person and retirement month (benefits), one transaction
 * a page of persons.
 */

const PAGE = 500;
/** The youngest and oldest statutory retirement ages: 50 (women workers) and 63 (men, fully increased). */
const YOUNGEST_AGE_MONTHS = 50 * 12;
const OLDEST_AGE_MONTHS = 63 * 12;

type App = {
  benefits: BenefitsService;
  policy: PolicyService;
  clock: Clock;
  database: { db: Kysely<Database> };
};

export async function runRetirementInvitations(
  app: App,
  input: InvitationRunInput,
  sentBy: string,
): Promise<InvitationRunReply> {
  const parsed = invitationRunInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { regionCode, period } = parsed.data;
  const { db } = app.database;
  const book = await app.policy.loadBook();
  const minimumOf = (year: number) => {
    const found = book.find<number>('pension.minContributionMonths', { regionCode, period: `${year}-01` });
    if (!found)
      throw new AppError(
        ErrorCode.VALIDATION,
        `regionCode: the region's policy has no pension.minContributionMonths for ${year}`,
        {
          field: 'regionCode',
        },
      );
    return found.value;
  };
  const reply: InvitationRunReply = {
    regionCode,
    period,
    considered: 0,
    claiming: 0,
    invited: 0,
    toldShortfall: 0,
    alreadySent: 0,
  };
  const bornFrom = `${addMonths(period, 1 - OLDEST_AGE_MONTHS)}-01`;
  const bornTo = `${addMonths(period, 3 - YOUNGEST_AGE_MONTHS)}-31`;
  const recordedAt = app.clock.now().toISOString();
  let afterId = 0;
  for (;;) {
    const persons = await selectPersonsBornBetween(db, {
      regionPrefix: regionCodePrefix(regionCode),
      bornFrom,
      bornTo,
      afterId,
      limit: PAGE,
    });
    if (persons.length === 0) break;
    afterId = Number(persons.at(-1)!.id);
    // A woman's original age (50 or 55) is not in the register: she is asked about as of each, the earlier
    // first, so she is never asked late; one who claimed at 50 is left out at 55 (docs/RULES.md 14.13).
    const inWindow = persons.flatMap((person) => {
      const birthMonth = dateToPeriod(person.birth_date);
      const groups: RetirementGroup[] = person.sex === 'male' ? ['male'] : ['female-50', 'female-55'];
      const group = groups.find((candidate) => {
        const { retirementMonth } = calculateRetirement({ birthMonth, group: candidate });
        return retirementMonth > period && retirementMonth <= addMonths(period, 3);
      });
      return group ? [{ id: Number(person.id), birthMonth, group }] : [];
    });
    if (inWindow.length === 0) continue;
    reply.considered += inWindow.length;
    const claiming = await app.benefits.personsClaimingPension(
      db,
      inWindow.map((person) => person.id),
    );
    const rows: NewInvitation[] = [];
    for (const person of inWindow) {
      if (claiming.has(person.id)) {
        reply.claiming += 1;
        continue;
      }
      const invitation = retirementInvitation({
        birthMonth: person.birthMonth,
        group: person.group,
        paidMonths: await app.benefits.paidPensionMonths(person.id),
        deemedMonths: 0,
        month: period,
        minContributionMonthsByYear: minimumOf,
      });
      if (invitation.kind === 'none') continue;
      rows.push({
        person_id: person.id,
        region_code: regionCode,
        retirement_month: invitation.retirementMonth,
        retirement_group: person.group,
        kind: invitation.kind,
        contribution_months: invitation.contributionMonths,
        min_contribution_months: minimumOf(periodYear(invitation.retirementMonth)),
        shortfall_months: invitation.kind === 'shortfall' ? invitation.shortfallMonths : 0,
        sent_in: period,
        sent_by: sentBy,
        recorded_at: recordedAt,
      });
    }
    const fresh = await db.transaction().execute((trx) => app.benefits.storeInvitations(trx, rows));
    reply.alreadySent += rows.length - fresh.length;
    reply.invited += fresh.filter((row) => row.kind === 'apply').length;
    reply.toldShortfall += fresh.filter((row) => row.kind === 'shortfall').length;
  }
  return reply;
}
