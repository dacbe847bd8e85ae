import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { readBaseCsv } from './base-file.ts';
import { useRegistration } from './test-fixture.ts';

/**
 * One reader, one planner and one applier for every base file: an employer's upload names the employer
 * and the year in the request, the command line's file names them in its rows.
 */
describeEachDatabase('registration: base files', (getDb) => {
  const fixture = useRegistration(getDb);

  async function staff() {
    const employer = await fixture.employer();
    const [first, second] = [await fixture.person(), await fixture.person()];
    for (const person of [first, second])
      await fixture
        .registration()
        .hire({ employerId: employer.id, personId: person.id, hiredOn: '2024-03-01' });
    return { employer, first, second };
  }

  it('declares a file whose rows name their employer and year, the amount under its older name too', async () => {
    const { employer, first, second } = await staff();
    const registration = fixture.registration();
    const csv = [
      'credit-code,id-number,cycle-start,wage',
      `${employer.creditCode},${first.idNumber},2025-07,10000`,
      `${employer.creditCode},${second.idNumber},2025-07,12000.50`,
    ].join('\n');
    expect(await registration.declareBaseRowsFile(readBaseCsv(csv))).toEqual({ ok: true, declared: 2 });
    const bases = await registration.listLatestBases(employer.id, '2025-07');
    expect(bases.map((base) => base.declaredFen).sort()).toEqual([1_000_000, 1_200_050]);
  });

  it('refuses the whole file by line, naming the file’s columns for what it read itself', async () => {
    const { employer, first } = await staff();
    const registration = fixture.registration();
    const csv = [
      'employer-id,person-id,period,declared',
      `${employer.id},${first.id},2025-09,9000`,
      `${employer.id},x1,2025-09,9000`,
      `${employer.id},${first.id},2025-09,9000.001`,
    ].join('\n');
    const result = await registration.declareBaseRowsFile(readBaseCsv(csv));
    expect(result).toMatchObject({
      ok: false,
      declared: 0,
      errors: [
        { line: 3, row: 2, field: 'personId', code: 'VALIDATION' },
        { line: 4, row: 3, field: 'declared', code: 'VALIDATION' },
      ],
    });
    expect(await registration.listLatestBases(employer.id, '2025-07')).toEqual([]);
    // An employer's upload ignores the columns its request names.
    const upload = ['id-number,declared,credit-code', `${first.idNumber},9000,nonsense`].join('\n');
    expect(
      await registration.declareBaseFile(readBaseCsv(upload), {
        employerId: employer.id,
        cycleStart: '2025-07',
      }),
    ).toEqual({ ok: true, declared: 1, cycleStart: '2025-07' });
  });

  it('needs the columns that name each row when the request does not', async () => {
    const registration = fixture.registration();
    await expect(
      registration.declareBaseRowsFile(readBaseCsv('id-number,declared\n110105198001010011,9000\n')),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'body' });
  });
});
