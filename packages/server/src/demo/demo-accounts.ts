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
    { userName: 'benefits', displayName: '待遇审核员', roles: ['benefits_officer'] as const },
    { userName: 'benefits2', displayName: '待遇复核员', roles: ['benefits_officer'] as const },
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

export interface DemoLogins {
  staff: string[];
  /** The demo employer user: the employer's credit code and the user name. */
  employers: { creditCode: string; userName: string }[];
  /** Identity numbers of the insured persons who can log in, employees first. */
  persons: string[];
  flexibleWorkers: string[];
}

/**
 * The demo accounts as they are in the database, for the start banner and `shebao demo`: read back rather
 * than repeated, so what is printed is what works. Empty lists when the demo was never loaded.
 */
export async function listDemoLogins(db: App['database']['db']): Promise<DemoLogins> {
  const users = await db
    .selectFrom('users')
    .leftJoin('employers', 'employers.id', 'users.employer_id')
    .leftJoin('persons', 'persons.id', 'users.person_id')
    .select([
      'users.kind',
      'users.user_name',
      'employers.credit_code',
      'persons.id_number',
      'persons.category',
    ])
    .where('users.created_by', '=', 'demo')
    .orderBy('users.id')
    .execute();
  const logins: DemoLogins = { staff: [], employers: [], persons: [], flexibleWorkers: [] };
  for (const user of users) {
    if (user.kind === 'staff' && user.user_name) logins.staff.push(user.user_name);
    if (user.kind === 'employer' && user.credit_code && user.user_name)
      logins.employers.push({ creditCode: user.credit_code, userName: user.user_name });
    if (user.kind === 'person' && user.id_number)
      (user.category === 'flexible' ? logins.flexibleWorkers : logins.persons).push(user.id_number);
  }
  return logins;
}

/** The demo logins as lines for a terminal; nothing when the demo accounts are not there. */
export function describeDemoLogins(logins: DemoLogins): string[] {
  if (!logins.staff.length && !logins.employers.length && !logins.persons.length) return [];
  return [
    `Demo logins, password ${DEMO_PASSWORD}:`,
    `  staff:            ${logins.staff.join(', ')}`,
    ...logins.employers.map(
      (employer) => `  employer:         credit code ${employer.creditCode}, user ${employer.userName}`,
    ),
    `  insured persons:  ${logins.persons.join(', ')}`,
    `  flexible worker:  ${logins.flexibleWorkers.join(', ')}`,
  ];
}
