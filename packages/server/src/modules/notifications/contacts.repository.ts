import type { Kysely, Selectable } from 'kysely';
import type { Database, NoticeContactsTable } from '../../db/index.ts';
import type { RecipientKind } from './notice-kinds.ts';

export type ContactRow = Selectable<NoticeContactsTable>;

export function selectContact(
  db: Kysely<Database>,
  kind: RecipientKind,
  id: number,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('notice_contacts')
    .selectAll()
    .where('recipient_kind', '=', kind)
    .where('recipient_id', '=', id)
    .executeTakeFirst();
}

export async function upsertContact(db: Kysely<Database>, row: ContactRow): Promise<void> {
  const { recipient_kind, recipient_id, ...rest } = row;
  await db
    .insertInto('notice_contacts')
    .values(row)
    .onConflict((oc) => oc.columns(['recipient_kind', 'recipient_id']).doUpdateSet(rest))
    .execute();
  void recipient_kind;
  void recipient_id;
}

/** The employers of a region that chose to have their staff told their monthly details (SIL Art. 60). */
export function selectMonthlyDetailsEmployers(db: Kysely<Database>, employerIds: readonly number[]) {
  if (employerIds.length === 0) return Promise.resolve([] as number[]);
  return db
    .selectFrom('notice_contacts')
    .select('recipient_id')
    .where('recipient_kind', '=', 'employer')
    .where('monthly_details', '=', 1)
    .where('recipient_id', 'in', employerIds)
    .execute()
    .then((rows) => rows.map((row) => Number(row.recipient_id)));
}

/** Of these persons, those with no channel a notice can be delivered on (inbox only). */
export async function selectUnreachable(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const reachable = await db
    .selectFrom('notice_contacts')
    .select('recipient_id')
    .where('recipient_kind', '=', 'person')
    .where('recipient_id', 'in', personIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('email_enabled', '=', 1), eb('email', 'is not', null)]),
        eb.and([eb('sms_enabled', '=', 1), eb('phone', 'is not', null)]),
      ]),
    )
    .execute();
  const found = new Set(reachable.map((row) => Number(row.recipient_id)));
  return new Set(personIds.filter((id) => !found.has(id)));
}

/** The contacts of these recipients, keyed `kind:id`. */
export async function selectContactsOf(
  db: Kysely<Database>,
  recipients: readonly { kind: RecipientKind; id: number }[],
): Promise<Map<string, ContactRow>> {
  const found = new Map<string, ContactRow>();
  for (const kind of ['person', 'employer'] as const) {
    const ids = [...new Set(recipients.filter((it) => it.kind === kind).map((it) => it.id))];
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom('notice_contacts')
      .selectAll()
      .where('recipient_kind', '=', kind)
      .where('recipient_id', 'in', ids)
      .execute();
    for (const row of rows) found.set(`${kind}:${row.recipient_id}`, row);
  }
  return found;
}
