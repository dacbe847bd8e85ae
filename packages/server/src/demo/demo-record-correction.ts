import { addMonths, chinaDateOf, formatFenAsYuan } from '@shebao/domain';
import type { App } from '../app/index.ts';
import type { Principal } from '../modules/auth/index.ts';

/** The demo employer whose employee's base is corrected: one of the later ones, apart from the login's. */
const EMPLOYER_INDEX = 4;
/** How much the base was declared too low, in fen. */
const UNDER_DECLARED_FEN = 150_000;

/**
 * A request to correct the record granted in the demo (docs/RULES.md 14.19): an employee whose employer
 * declared the year's base 1,500 yuan too low; one benefits officer proposes the corrected base, the other
 * approves it, and the months of the year billed so far get their adjustment bills.
 */
export async function loadDemoRecordCorrection(
  app: App,
  officers: { officer: Principal; reviewer: Principal },
): Promise<void> {
  const lastPeriod = addMonths(chinaDateOf(app.clock.now()).slice(0, 7), -1);
  const employer = await app.database.db
    .selectFrom('employers')
    .select('id')
    .orderBy('id')
    .offset(EMPLOYER_INDEX)
    .limit(1)
    .executeTakeFirstOrThrow();
  const employerId = Number(employer.id);
  const year = await app.registration.contributionYear(employerId, lastPeriod);
  const [staff] = await app.registration.listEmployerStaff(employerId, { activeOn: `${lastPeriod}-01` });
  if (!staff) return;
  const base = (await app.registration.listBaseVersions(staff.personId, employerId, year.start)).at(-1);
  if (!base) return;
  const correctedFen = base.declaredFen + UNDER_DECLARED_FEN;
  const filed = await app.benefits.file(
    {
      personId: staff.personId,
      application: {
        kind: 'record-correction',
        facts: {
          what: 'wrong-base',
          periods: [lastPeriod],
          employerId,
          claimedBaseFen: correctedFen,
          description: `单位申报的缴费基数比实际工资低${formatFenAsYuan(UNDER_DECLARED_FEN)}元。`,
        },
      },
    },
    { login: `person:${staff.personId}`, side: 'person' },
  );
  await app.workflows.proposeRecordCorrection(
    app,
    filed.id,
    {
      changes: [{ kind: 'base', employerId, cycleStart: year.start, declaredFen: correctedFen }],
      reasons: [
        {
          code: 'base-corrected',
          message: '工资发放记录显示，本缴费年度的月平均工资高于单位申报的缴费基数。',
          source: 'PRRM; SIL Art. 60',
        },
      ],
    },
    officers.officer,
  );
  await app.workflows.decideRecordCorrection(app, filed.id, { approve: true }, officers.reviewer);
}
