import { sql, type Kysely } from 'kysely';
import { addIdColumn, idRefType, periodCheck } from './column-types.ts';

/**
 * Signed statements (SIL Arts. 4 and 74): every yearly rights statement and contribution certificate
 * issued, with the canonical JSON it certifies and its Ed25519 signature, found by its verification code.
 * Also an index for the employer inquiry's staff list, which pages employments by id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  await db.schema
    .createTable('statements')
    .addColumn(...addIdColumn(db))
    // The short, unguessable code printed on the document and in its QR code.
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('rights_statement', 'contribution_certificate')`),
    )
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('period_from', 'text', (col) => col.notNull().check(periodCheck('period_from')))
    .addColumn('period_to', 'text', (col) => col.notNull().check(periodCheck('period_to')))
    // Exactly the bytes that were signed (UTF-8 of this text); never re-serialised before verifying.
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('signature', 'text', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('issued_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('statements_person').on('statements').columns(['person_id', 'id']).execute();
  await db.schema
    .createIndex('employments_employer_id')
    .on('employments')
    .columns(['employer_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('employments_employer_id').execute();
  await db.schema.dropTable('statements').execute();
}
