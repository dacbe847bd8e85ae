import { paymentRowText } from '@shebao/domain';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { selectFileText } from './bank-files.repository.ts';

describeEachDatabase('a bank file built in the database', (getDb) => {
  it('writes every row exactly as the domain’s paymentRowText does, names quoted where they must be', async () => {
    const db = getDb();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2024-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }, { wageFen: 1_000_000 }, { wageFen: 1_000_000 }] }],
    });
    const people = [
      { name: '王芳', account: '6222020200112233445', amountFen: 345_678 },
      { name: 'Wang, "Fang"', account: '6222020200112233446', amountFen: 5 },
      { name: 'Li Ming', account: '6222020200112233447', amountFen: 12_345_678_900 },
    ];
    const { id: runId } = await db
      .insertInto('payroll_runs')
      .values({
        region_code: '110000',
        period: '2025-07',
        status: 'running',
        step: 'bank-files',
        started_by: 'test',
        started_at: 'now',
        heartbeat_at: 'now',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: fileId } = await db
      .insertInto('payroll_bank_files')
      .values({ run_id: runId, bank_code: 'ICBC', file_name: 'f.csv' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const expected: string[] = [];
    for (const [index, person] of people.entries()) {
      const { id: rollId } = await db
        .insertInto('benefit_roll')
        .values({
          award_no: `AW-${index}`,
          person_id: fixture.personIds[0]![index]!,
          region_code: '110000',
          kind: 'pension',
          payee_name: person.name,
          first_period: '2025-07',
          first_month_index: 2025 * 12 + 6,
          monthly_fen: person.amountFen,
          monthly_from: '2025-07',
          monthly_version: 1,
          prior_monthly_fen: person.amountFen,
          account_part_fen: 0,
          account_balance_fen: 0,
          payee_kind: 'bank',
          payee_account: person.account,
          bank_code: 'ICBC',
          verified_through: '2027-06',
          updated_at: 'now',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: lineId } = await db
        .insertInto('payroll_lines')
        .values({
          run_id: runId,
          roll_id: rollId,
          period: '2025-07',
          kind: 'month',
          due_fen: person.amountFen,
          pooled_fen: person.amountFen,
          account_fen: 0,
          state: 'owed',
          bank_file_id: fileId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expected.push(
        paymentRowText({
          reference: String(lineId),
          account: person.account,
          name: person.name,
          amountFen: person.amountFen,
        }),
      );
    }
    const file = await selectFileText(db, Number(fileId));
    expect(file).toEqual({
      text: expected.join(''),
      count: 3,
      totalFen: people.reduce((sum, person) => sum + person.amountFen, 0),
    });
    expect(file.text).toContain('"Wang, ""Fang"""');
    expect(await selectFileText(db, Number(fileId) + 1)).toEqual({ text: '', count: 0, totalFen: 0 });
  });
});
