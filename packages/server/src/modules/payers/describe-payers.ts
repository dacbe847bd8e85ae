import { maskResidentId } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectEmployerNames, selectPersonNames } from '../registration/index.ts';

/** Who a payer key names, as a list shows it: the identity number of a person masked (lists never show it whole). */
export interface PayerDescription {
  payerKey: string;
  kind: 'employer' | 'person';
  employerId: number | null;
  personId: number | null;
  name: string;
  /** The employer's credit code, or the person's identity number masked. */
  code: string;
}

/** Names the payers of a page of rows in two queries, whatever the page's size. */
export async function describePayers(
  db: Kysely<Database>,
  payerKeys: Iterable<string>,
): Promise<Map<string, PayerDescription>> {
  const employerIds: number[] = [];
  const personIds: number[] = [];
  for (const key of new Set(payerKeys)) {
    const id = Number(key.slice(1));
    if (!Number.isSafeInteger(id) || id <= 0) continue;
    if (key.startsWith('E')) employerIds.push(id);
    else if (key.startsWith('P')) personIds.push(id);
  }
  const [employers, persons] = await Promise.all([
    selectEmployerNames(db, employerIds),
    selectPersonNames(db, personIds),
  ]);
  const described = new Map<string, PayerDescription>();
  for (const row of employers) {
    const id = Number(row.id);
    described.set(`E${id}`, {
      payerKey: `E${id}`,
      kind: 'employer',
      employerId: id,
      personId: null,
      name: row.name,
      code: row.credit_code,
    });
  }
  for (const row of persons) {
    const id = Number(row.id);
    described.set(`P${id}`, {
      payerKey: `P${id}`,
      kind: 'person',
      employerId: null,
      personId: id,
      name: row.name,
      code: maskResidentId(row.id_number),
    });
  }
  return described;
}
