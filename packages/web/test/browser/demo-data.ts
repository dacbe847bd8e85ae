// What several browser tests need to know about the demo region (packages/server/src/demo), and the files
// they upload.
import { makeResidentId } from '@shebao/domain';
import ExcelJS from 'exceljs';

/** The demo accounts' password (README, packages/server/src/demo/demo-accounts.ts). */
export const DEMO_PASSWORD = 'shebao-demo-2025';

/** A cookie header for the demo administrator, to find demo data before a test drives the pages. */
export async function adminCookie(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'admin', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`the demo administrator cannot log in (${login.status})`);
  return login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** The first demo employer (the one whose user "finance" can log in), as an administrator finds it. */
export async function demoEmployer(
  baseUrl: string,
): Promise<{ id: number; creditCode: string; name: string }> {
  const cookie = await adminCookie(baseUrl);
  const list = await fetch(`${baseUrl}/api/employers?regionCode=110000&limit=1`, { headers: { cookie } });
  const body = (await list.json()) as { items: { id: number; creditCode: string; name: string }[] };
  return body.items[0]!;
}

/** The first demo employer's credit code. */
export async function demoCreditCode(baseUrl: string): Promise<string> {
  return (await demoEmployer(baseUrl)).creditCode;
}

/** A valid identity number no other test (nor an earlier run on the same server) uses. */
export function uniqueIdNumber(): string {
  const stamp = Date.now() + Math.floor(Math.random() * 1_000_000);
  const day = new Date(Date.UTC(1975, 0, 1) + (stamp % 9000) * 86_400_000).toISOString().slice(0, 10);
  return makeResidentId('110105', day, (Math.floor(stamp / 9000) % 998) + 1);
}

/** An .xlsx workbook of the given rows, the first column (identity numbers) as text. */
export async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('bases');
  sheet.getColumn(1).numFmt = '@';
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
