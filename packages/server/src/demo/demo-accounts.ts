import type { App } from '../app/index.ts';
import { createAuthService } from '../modules/auth/index.ts';

/** Passwords of the demo accounts: for trying Shebao out, never for a real agency (see README). */
export const DEMO_PASSWORD = 'shebao-demo-2025';

export interface DemoAccount {
  kind: 'staff' | 'employer' | 'person';
  login: string;
  roles: string;
}

/**
 * Accounts for the demo region, one per kind of user: two administrators (so a policy change can be
 * proposed by one and approved by the other), a collection officer, an auditor, an inspector, one user of
 * the first demo employer, three insured persons and a flexible worker. Loaded only into a database without accounts.
 */
export async function loadDemoAccounts(app: App): Promise<DemoAccount[]> {
  const db = app.database.db;
  const auth = createAuthService(db, app.clock);
  if ((await db.selectFrom('users').select('id').limit(1).execute()).length) return [];
  const accounts: DemoAccount[] = [];
  const staff = [
    { userName: 'admin', displayName: '系统管理员', roles: ['admin'] as const },
    { userName: 'admin2', displayName: '复核管理员', roles: ['admin'] as const },
    { userName: 'collector', displayName: '征缴专员', roles: ['collection_officer'] as const },
    { userName: 'auditor', displayName: '审计员', roles: ['auditor'] as const },
    { userName: 'inspector', displayName: '稽核员', roles: ['inspector'] as const },
  ];
  for (const user of staff) {
    await auth.addUser(
      { kind: 'staff', ...user, roles: [...user.roles], regionCodes: ['110000'], password: DEMO_PASSWORD },
      'demo',
    );
    accounts.push({ kind: 'staff', login: user.userName, roles: user.roles.join(', ') });
  }
  const employer = await db
    .selectFrom('employers')
    .select(['id', 'credit_code'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (employer) {
    await auth.addUser(
      {
        kind: 'employer',
        employerId: Number(employer.id),
        userName: 'finance',
        displayName: '财务',
        password: DEMO_PASSWORD,
      },
      'demo',
    );
    accounts.push({ kind: 'employer', login: `${employer.credit_code} / finance`, roles: 'employer_user' });
  }
  const persons = await db.selectFrom('persons').select(['id', 'id_number']).orderBy('id').limit(3).execute();
  // A flexible worker too, who pays their own bills: one with a bill still open when there is one.
  const flexible =
    (await db
      .selectFrom('persons')
      .select(['persons.id', 'persons.id_number'])
      .innerJoin('bills', 'bills.person_id', 'persons.id')
      .where('persons.category', '=', 'flexible')
      .whereRef('bills.paid_fen', '<', 'bills.total_fen')
      .orderBy('persons.id')
      .limit(1)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('persons')
      .select(['id', 'id_number'])
      .where('category', '=', 'flexible')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst());
  for (const person of flexible ? [...persons, flexible] : persons) {
    await auth.addUser({ kind: 'person', personId: Number(person.id), password: DEMO_PASSWORD }, 'demo');
    accounts.push({ kind: 'person', login: person.id_number, roles: 'insured_person' });
  }
  return accounts;
}
