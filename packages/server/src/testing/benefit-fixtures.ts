import { addMonths } from '@shebao/domain';
import type { App } from '../app/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import { recordPayments } from '../modules/payments/index.ts';

/**
 * Benefits officers of a region, added as staff users, with the principals the workflows take (a proposer
 * and a second officer who approves).
 */
export async function addBenefitOfficers(
  app: App,
  names: readonly string[],
  regionCode = '110000',
): Promise<Principal[]> {
  const officers: Principal[] = [];
  for (const name of names) {
    const user = await app.auth.addUser(
      {
        kind: 'staff',
        userName: name,
        displayName: name,
        password: 'a-long-password-1',
        roles: ['benefits_officer'],
        regionCodes: [regionCode],
      },
      'test',
    );
    officers.push({
      userId: user.id,
      kind: 'staff',
      loginKey: `staff:${name}`,
      displayName: name,
      roles: ['benefits_officer'],
      regionCodes: [regionCode],
      personId: null,
      employerId: null,
      institutionId: null,
      via: 'session',
      actorUserId: user.id,
      scope: 'write',
      csrfToken: null,
    } as Principal);
  }
  return officers;
}

/**
 * The region's months from `from` to `to` assessed, and one employer's bill of each paid in full on the
 * 10th of the month after: a record of months paid on time.
 */
export async function collectAndPayMonths(
  app: App,
  input: { regionCode?: string; employerId: number; from: string; to: string },
): Promise<void> {
  const db = app.database.db;
  const deps = { db, clock: app.clock, policy: app.policy };
  const regionCode = input.regionCode ?? '110000';
  for (let period = input.from; period <= input.to; period = addMonths(period, 1)) {
    await app.workflows.runCollection(deps, { regionCode, period });
    const bill = await db
      .selectFrom('bills')
      .select('total_fen')
      .where('payer_key', '=', `E${input.employerId}`)
      .where('period', '=', period)
      .executeTakeFirstOrThrow();
    await recordPayments(deps, [
      {
        payerKey: `E${input.employerId}`,
        amountFen: bill.total_fen,
        paidOn: `${addMonths(period, 1)}-10`,
        channel: 'api',
      },
    ]);
  }
}
