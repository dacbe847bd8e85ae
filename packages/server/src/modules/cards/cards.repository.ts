import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  CardBankReturnsTable,
  CardEventsTable,
  CardProductionBatchesTable,
  CardStatusColumn,
  Database,
  SocialSecurityCardsTable,
} from '../../db/schema.ts';

/** The cards, their events, production batches, the banks' returns, number sequences and payment choices. */

type Db = Kysely<Database>;
export type CardRow = Selectable<SocialSecurityCardsTable>;
export type CardEventRow = Selectable<CardEventsTable>;
export type BatchRow = Selectable<CardProductionBatchesTable>;

export async function insertCard(db: Db, row: Insertable<SocialSecurityCardsTable>): Promise<number> {
  const { id } = await db
    .insertInto('social_security_cards')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export function selectCard(db: Db, cardId: number) {
  return db.selectFrom('social_security_cards').selectAll().where('id', '=', cardId).executeTakeFirst();
}

export function selectCardByNo(db: Db, cardNo: string) {
  return db.selectFrom('social_security_cards').selectAll().where('card_no', '=', cardNo).executeTakeFirst();
}

export function selectCardsOfPerson(db: Db, personId: number) {
  return db
    .selectFrom('social_security_cards')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
}

/** The person's cards in the given statuses (the one-card rules, docs/RULES.md 18.3). */
export function selectCardsOfPersonIn(db: Db, personId: number, statuses: readonly CardStatusColumn[]) {
  return db
    .selectFrom('social_security_cards')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', 'in', [...statuses])
    .orderBy('id')
    .execute();
}

/**
 * Changes a card only while it still has the status it was read with; returns whether it did. On
 * PostgreSQL a concurrent change waits for the first to commit and then finds the status moved on.
 */
export async function updateCardFrom(
  db: Db,
  cardId: number,
  fromStatus: CardStatusColumn,
  changes: Updateable<SocialSecurityCardsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('social_security_cards')
    .set(changes)
    .where('id', '=', cardId)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A page of a region's cards in a status (a province covers its prefectures and counties), in id order. */
export function selectCardsOfRegion(
  db: Db,
  filter: { regionPrefix: string; status: CardStatusColumn; afterId: number; limit: number },
) {
  return db
    .selectFrom('social_security_cards')
    .selectAll()
    .where('region_code', 'like', `${filter.regionPrefix}%`)
    .where('status', '=', filter.status)
    .where('id', '>', filter.afterId)
    .orderBy('id')
    .limit(filter.limit)
    .execute();
}

/** Temporarily lost cards of a region whose report's last day is before `today` (docs/RULES.md 18.5). */
export function selectLapsedTemporaryLosses(db: Db, regionPrefix: string, today: string, limit: number) {
  return db
    .selectFrom('social_security_cards')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .where('status', '=', 'temporarily_lost')
    .where('temporary_loss_until', '<', today)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertCardEvent(db: Db, row: Insertable<CardEventsTable>): Promise<number> {
  const { id } = await db.insertInto('card_events').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectEventsOfCards(db: Db, cardIds: readonly number[]) {
  if (cardIds.length === 0) return Promise.resolve([] as CardEventRow[]);
  return db
    .selectFrom('card_events')
    .selectAll()
    .where('card_id', 'in', [...cardIds])
    .orderBy('id')
    .execute();
}

/** The next number of the letter's sequence, taken under the row's lock (docs/RULES.md 18.1). */
export async function nextCardSequence(db: Db, letter: string): Promise<number> {
  const { last_no } = await db
    .insertInto('card_number_sequences')
    .values({ letter, last_no: 1 })
    .onConflict((oc) =>
      oc.column('letter').doUpdateSet({ last_no: sql<number>`card_number_sequences.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(last_no);
}

export async function insertBatch(db: Db, row: Insertable<CardProductionBatchesTable>): Promise<number> {
  const { id } = await db
    .insertInto('card_production_batches')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** How many batches have numbers starting with the stem (the day's, region's and bank's batches). */
export async function countBatchesNamed(db: Db, stem: string): Promise<number> {
  const { n } = await db
    .selectFrom('card_production_batches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_no', 'like', `${stem}%`)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export function selectBatch(db: Db, batchId: number) {
  return db.selectFrom('card_production_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
}

export function selectBatchesOfRegion(db: Db, regionPrefix: string, beforeId: number, limit: number) {
  return db
    .selectFrom('card_production_batches')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .where('id', '<', beforeId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The approved cards of a region not yet in a batch, in id order (the batch's content). */
export function selectApprovedCards(db: Db, regionPrefix: string, limit: number) {
  return db
    .selectFrom('social_security_cards')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .where('status', '=', 'approved')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function selectCardsOfBatch(db: Db, batchId: number) {
  return db
    .selectFrom('social_security_cards')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('id')
    .execute();
}

export function selectBankReturn(db: Db, sha256: string) {
  return db.selectFrom('card_bank_returns').selectAll().where('file_sha256', '=', sha256).executeTakeFirst();
}

export async function insertBankReturn(db: Db, row: Insertable<CardBankReturnsTable>): Promise<void> {
  await db.insertInto('card_bank_returns').values(row).execute();
}

export function selectPaymentChoice(db: Db, personId: number) {
  return db
    .selectFrom('card_payment_choices')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function upsertPaymentChoice(
  db: Db,
  row: { person_id: number; card_id: number; chosen_on: string; chosen_by: string; recorded_at: string },
): Promise<void> {
  await db
    .insertInto('card_payment_choices')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        card_id: row.card_id,
        chosen_on: row.chosen_on,
        chosen_by: row.chosen_by,
        recorded_at: row.recorded_at,
      }),
    )
    .execute();
}

/** The card and bank account benefits are paid to, for the persons asked (payroll's later reading). */
export function selectPaymentCards(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('card_payment_choices')
    .innerJoin('social_security_cards', 'social_security_cards.id', 'card_payment_choices.card_id')
    .select([
      'card_payment_choices.person_id',
      'social_security_cards.id as card_id',
      'social_security_cards.card_no',
      'social_security_cards.bank_code',
      'social_security_cards.bank_account_no',
      'social_security_cards.status',
      'social_security_cards.temporary_loss_until',
      'card_payment_choices.chosen_on',
    ])
    .where('card_payment_choices.person_id', 'in', [...personIds])
    .execute();
}
