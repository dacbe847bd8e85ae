import { logIn, type Client, type TestServer } from '../http/test-server.ts';
import type { StaffRole } from '../modules/auth/index.ts';
import { runCollection } from '../workflows/index.ts';
import { insertCollectionFixture } from './collection-fixture.ts';

type FixtureEmployers = Parameters<typeof insertCollectionFixture>[1]['employers'];

/**
 * The common start of HTTP tests where money moves: region 110105 with these employers and July 2025
 * collected (so bills are open), two staff members with `role` (two, because approvals need a second
 * person) and the first employer's finance user, all logged in.
 */
export async function setUpCollectedEmployer(
  { app, db, server }: TestServer,
  spec: {
    employers: FixtureEmployers;
    role: StaffRole;
    staffNames: readonly [string, string];
    password: string;
  },
): Promise<{ employerId: number; creditCode: string; staff: [Client, Client]; employer: Client }> {
  const fixture = await insertCollectionFixture(db, {
    regionCode: '110105',
    cycleStart: '2025-07',
    employers: spec.employers,
  });
  const employerId = fixture.employerIds[0]!;
  await runCollection(
    { db, clock: app.clock, policy: app.policy },
    { regionCode: '110105', period: '2025-07' },
  );
  for (const userName of spec.staffNames)
    await app.auth.addUser(
      {
        kind: 'staff',
        userName,
        displayName: userName,
        password: spec.password,
        roles: [spec.role],
        regionCodes: ['110000'],
      },
      't',
    );
  await app.auth.addUser(
    { kind: 'employer', employerId, userName: 'finance', displayName: 'F', password: spec.password },
    't',
  );
  const { creditCode } = await app.registration.getEmployer(employerId);
  const [first, second] = spec.staffNames;
  return {
    employerId,
    creditCode,
    staff: [
      await logIn(server, 'staff', { userName: first, password: spec.password }),
      await logIn(server, 'staff', { userName: second, password: spec.password }),
    ],
    employer: await logIn(server, 'employer', { creditCode, userName: 'finance', password: spec.password }),
  };
}
