// Signing the demo accounts in through the real login forms, for tests that walk the signed-in pages
// (packages/server/src/demo/demo-accounts.ts lists the accounts; all share the demo password).
import type { Page } from 'playwright-core';
import { adminCookie, DEMO_PASSWORD, demoCreditCode } from './demo-data.ts';

/** Logging in checks an argon2id hash: on a busy machine that takes a while. */
const LOGIN_TIMEOUT = 30_000;

export async function signInAsPerson(page: Page, baseUrl: string, idNumber: string): Promise<void> {
  await page.goto(`${baseUrl}/login/person?next=${encodeURIComponent('/person')}`);
  await page.locator('#login-person_idNumber').fill(idNumber);
  await page.locator('#login-person_password').fill(DEMO_PASSWORD);
  await page.locator('#login-person_password').press('Enter');
  await page.waitForURL((url) => url.pathname === '/person', { timeout: LOGIN_TIMEOUT });
}

/** The demo employer's user "finance". */
export async function signInAsEmployer(page: Page, baseUrl: string): Promise<void> {
  const creditCode = await demoCreditCode(baseUrl);
  await page.goto(`${baseUrl}/login/employer?next=${encodeURIComponent('/employer')}`);
  await page.locator('#login-employer_creditCode').fill(creditCode);
  await page.locator('#login-employer_userName').fill('finance');
  await page.locator('#login-employer_password').fill(DEMO_PASSWORD);
  await page.locator('#login-employer_password').press('Enter');
  await page.waitForURL((url) => url.pathname === '/employer', { timeout: LOGIN_TIMEOUT });
}

/** A demo staff account: admin, admin2, collector, auditor or inspector. */
export async function signInAsStaff(page: Page, baseUrl: string, userName: string): Promise<void> {
  await page.goto(`${baseUrl}/login/staff?next=${encodeURIComponent('/staff')}`);
  await page.locator('#login-staff_userName').fill(userName);
  await page.locator('#login-staff_password').fill(DEMO_PASSWORD);
  await page.locator('#login-staff_password').press('Enter');
  await page.waitForURL((url) => url.pathname === '/staff', { timeout: LOGIN_TIMEOUT });
}

async function canLogIn(baseUrl: string, idNumber: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/auth/login/person`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idNumber, password: DEMO_PASSWORD }),
  });
  return response.status === 200;
}

/**
 * The identity numbers of the demo persons with a login: the first employee (person 1) and the flexible
 * worker (the first flexible person with an open bill who can log in), as the administrator finds them.
 */
export async function demoPersonLogins(
  baseUrl: string,
): Promise<{ employee: string; flexible: string; flexiblePersonId: number }> {
  const cookie = await adminCookie(baseUrl);
  const read = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const employee = (await read<{ idNumber: string }>('/api/persons/1')).idNumber;
  const owners = new Set<number>();
  let cursor: string | null = null;
  do {
    const page: { items: { personId: number | null }[]; nextCursor: string | null } = await read(
      `/api/bills?regionCode=110000&open=true&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const bill of page.items) if (bill.personId !== null) owners.add(bill.personId);
    cursor = page.nextCursor;
  } while (cursor);
  // A few tries only: each failed login counts against the address's login throttle.
  let tries = 0;
  for (const id of [...owners].sort((a, b) => a - b)) {
    const candidate = await read<{ idNumber: string; category: string }>(`/api/persons/${id}`);
    if (candidate.category !== 'flexible') continue;
    if (await canLogIn(baseUrl, candidate.idNumber))
      return { employee, flexible: candidate.idNumber, flexiblePersonId: id };
    if ((tries += 1) >= 5) break;
  }
  // Another file may have paid the open bill the demo left (person-pages.test.ts does): a flexible worker
  // who paid online through their own account has a login.
  const recent: { items: { channel: string; payer: { kind: string; personId: number | null } }[] } =
    await read('/api/regions/110000/payments?limit=50');
  for (const payment of recent.items) {
    const id = payment.payer.personId;
    if (payment.channel !== 'api' || payment.payer.kind !== 'person' || id === null) continue;
    const candidate = await read<{ idNumber: string; category: string }>(`/api/persons/${id}`);
    if (candidate.category === 'flexible' && (await canLogIn(baseUrl, candidate.idNumber)))
      return { employee, flexible: candidate.idNumber, flexiblePersonId: id };
  }

  throw new Error('no demo flexible worker with an open bill can log in');
}
