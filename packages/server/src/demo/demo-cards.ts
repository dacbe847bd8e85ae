import { chinaDateOf } from '@shebao/domain';
import type { App } from '../app/index.ts';

const BRANCH = '北京市朝阳区社会保险服务大厅';
const STAFF = { login: 'staff:collector', side: 'staff' as const };

/** A photo as the card routes take it: the bytes of a PNG (its type is read from them), base64. */
const PHOTO = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(2_000, 7),
]).toString('base64');

/**
 * Social security cards in the demo (docs/RULES.md 18.2-18.9): the first demo person's card made and
 * collected, and chosen for benefits; the demo retiree's too, so the payroll pays the pension to it; the
 * second person's card at the bank in production, mailed when it comes back; the flexible worker's card
 * collected and then reported lost in the app (blocked until the report lapses); the third person's
 * application waiting for the staff's decision; and an employee's application approved and waiting for the
 * next production batch (`shebao cards production-batch`).
 */
export async function loadDemoCards(app: App, retireeId: number): Promise<void> {
  const db = app.database.db;
  if ((await db.selectFrom('social_security_cards').select('id').limit(1).execute()).length) return;
  const logins = await db
    .selectFrom('users')
    .innerJoin('persons', 'persons.id', 'users.person_id')
    .select(['persons.id', 'persons.category'])
    .where('users.kind', '=', 'person')
    .orderBy('users.id')
    .execute();
  const employees = logins.filter((row) => row.category !== 'flexible').map((row) => Number(row.id));
  const flexible = logins.find((row) => row.category === 'flexible');
  const [first, second, third] = employees;
  if (first === undefined || second === undefined || third === undefined || !flexible) return;
  const flexibleId = Number(flexible.id);
  const person = (personId: number) => ({ login: `person:${personId}`, side: 'person' as const });
  const apply = async (personId: number, dispatch: 'branch' | 'mail') =>
    (
      await app.cards.apply(
        personId,
        dispatch === 'branch'
          ? { photo: PHOTO, dispatch, branchName: BRANCH }
          : { photo: PHOTO, dispatch, mailAddress: '北京市朝阳区建国路 88 号 1 单元 1201' },
        person(personId),
      )
    ).card.id;

  // Four applications approved and sent to the card bank in one batch.
  const made = [first, retireeId, flexibleId];
  const cardIds = new Map<number, number>();
  for (const personId of [...made, second])
    cardIds.set(personId, await apply(personId, personId === second ? 'mail' : 'branch'));
  for (const [personId, cardId] of cardIds)
    await app.cards.decide(personId, cardId, { approve: true }, STAFF);
  const batch = await app.cards.createProductionBatch({ regionCode: '110000', bankCode: 'ICBC' }, STAFF);

  // The bank returns three of them produced, with the accounts it opened; the second person's is still there.
  const today = chinaDateOf(app.clock.now());
  const rows: string[] = [];
  for (const [index, personId] of made.entries()) {
    const card = (await app.cards.listCardsOfPerson(personId)).find((it) => it.id === cardIds.get(personId))!;
    rows.push(`${card.cardNumber},62220202001122${String(30_000 + index).padStart(5, '0')},${today}`);
  }
  await app.cards.importBankReturn(
    { batchId: batch.id, content: `card_no,bank_account_no,produced_on\n${rows.join('\n')}\n` },
    STAFF,
  );
  for (const personId of made) {
    const cardId = cardIds.get(personId)!;
    await app.cards.dispatch(personId, cardId, undefined, STAFF);
    await app.cards.collect(personId, cardId, STAFF);
  }
  // The retiree's pension and the first person's benefits are paid to their cards from now on.
  await app.cards.choosePaymentCard(retireeId, cardIds.get(retireeId)!, STAFF);
  await app.cards.choosePaymentCard(first, cardIds.get(first)!, person(first));
  await app.cards.reportTemporaryLoss(flexibleId, cardIds.get(flexibleId)!, 'app', person(flexibleId));

  // One application waits for a decision; an employee's waits, approved, for the next batch.
  await apply(third, 'branch');
  const employee = await db
    .selectFrom('employments')
    .select('person_id')
    .where('left_on', 'is', null)
    .where('person_id', 'not in', [...made, second, third])
    .orderBy('person_id')
    .limit(1)
    .executeTakeFirst();
  if (employee) {
    const employeeId = Number(employee.person_id);
    const cardId = (
      await app.cards.apply(employeeId, { photo: PHOTO, dispatch: 'branch', branchName: BRANCH }, STAFF)
    ).card.id;
    await app.cards.decide(employeeId, cardId, { approve: true }, STAFF);
  }
}
