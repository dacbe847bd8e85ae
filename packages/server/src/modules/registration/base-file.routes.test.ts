import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { countRows, nextCreditCode, nextIdNumber } from './test-fixture.ts';

const PASSWORD = 'base-file-password';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('bases');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// Today is 2025-07-15 on the test server: Beijing's contribution year runs from 2025-07 to 2026-06.
describeEachServer("API: an employer's own hires and base files", (get) => {
  let employerId: number;
  let otherEmployerId: number;
  let employer: Client;
  const staff: string[] = [];

  beforeAll(async () => {
    const { app, server } = get();
    const registered = await app.registration.registerEmployer({
      creditCode: nextCreditCode('110105'),
      name: 'Base File Ltd',
      regionCode: '110105',
      industryClass: 1,
      establishedOn: '2020-01-15',
    });
    employerId = registered.employer.id;
    const other = await app.registration.registerEmployer({
      creditCode: nextCreditCode('110105'),
      name: 'Other Ltd',
      regionCode: '110105',
      industryClass: 1,
      establishedOn: '2020-01-15',
    });
    otherEmployerId = other.employer.id;
    await app.auth.addUser(
      { kind: 'employer', employerId, userName: 'hr', displayName: 'HR', password: PASSWORD },
      'test',
    );
    employer = await logIn(server, 'employer', {
      creditCode: registered.employer.creditCode,
      userName: 'hr',
      password: PASSWORD,
    });
    for (const name of ['李雷', '韩梅梅']) {
      const idNumber = nextIdNumber();
      await app.registration.registerPerson({
        idNumber,
        name,
        hukouRegionCode: '110105',
        hukouType: 'urban',
        category: 'employee',
        regionCode: '110105',
      });
      await app.registration.hire({ employerId, idNumber, hiredOn: '2024-03-01' });
      staff.push(idNumber);
    }
  });

  it('hires a person not insured yet in one request, registering them; a wrong name or missing hukou is refused', async () => {
    const idNumber = nextIdNumber('1995-04-02');
    const incomplete = await employer.request({
      method: 'POST',
      url: '/api/hires',
      payload: { employerId, idNumber, name: '王五', hiredOn: '2025-07-01' },
    });
    expect(incomplete.statusCode).toBe(404);
    expect(incomplete.json()).toMatchObject({ field: 'idNumber' });
    expect(incomplete.json().detail).toContain('hukouType, hukouRegionCode');

    const before = await countRows(get().db);
    const hired = await employer.request({
      method: 'POST',
      url: '/api/hires',
      payload: {
        employerId,
        idNumber,
        name: '王五',
        hukouType: 'rural',
        hukouRegionCode: '110105',
        hiredOn: '2025-07-01',
        reason: 'new_hire',
        monthlyWageFen: 1_200_000,
      },
    });
    expect(hired.statusCode).toBe(201);
    expect(hired.json()).toMatchObject({
      registeredPerson: true,
      employment: { employerId, hiredOn: '2025-07-01' },
      base: { cycleStart: '2025-07', declaredFen: 1_200_000, source: 'new_hire' },
    });
    const after = await countRows(get().db);
    expect(after.persons! - before.persons!).toBe(1);
    expect(after.employments! - before.employments!).toBe(1);
    const person = await get().app.registration.findPersonByIdNumber(idNumber);
    expect(person).toMatchObject({
      name: '王五',
      sex: 'male',
      birthDate: '1995-04-02',
      category: 'employee',
    });

    const wrongName = await employer.request({
      method: 'POST',
      url: '/api/hires',
      payload: { employerId, idNumber: staff[0], name: '李四', hiredOn: '2025-07-01' },
    });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json()).toMatchObject({ field: 'name' });
    expect(await countRows(get().db)).toEqual(after);

    const elsewhere = await employer.request({
      method: 'POST',
      url: '/api/hires',
      payload: { employerId: otherEmployerId, idNumber, hiredOn: '2025-07-01' },
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it("records a leave for the employer's own employment only", async () => {
    const { app } = get();
    const foreignId = nextIdNumber();
    await app.registration.registerPerson({
      idNumber: foreignId,
      name: '外人',
      hukouRegionCode: '110105',
      hukouType: 'urban',
      category: 'employee',
      regionCode: '110105',
    });
    const foreign = await app.registration.hire({
      employerId: otherEmployerId,
      idNumber: foreignId,
      hiredOn: '2024-05-01',
    });
    const leaveForeign = (payload: Record<string, unknown>) =>
      employer.request({ method: 'POST', url: '/api/leaves', payload });
    const byIdAlone = await leaveForeign({
      employmentId: foreign.employment.id,
      leftOn: '2025-07-10',
      reason: 'resignation',
    });
    expect(byIdAlone.statusCode).toBe(403);
    const underOwnName = await leaveForeign({
      employerId,
      employmentId: foreign.employment.id,
      leftOn: '2025-07-10',
      reason: 'resignation',
    });
    expect(underOwnName.statusCode).toBe(404);
    expect((await app.registration.findEmployment(foreign.employment.id))?.leftOn).toBeNull();

    const leaverId = nextIdNumber();
    const hired = await employer.request({
      method: 'POST',
      url: '/api/hires',
      payload: {
        employerId,
        idNumber: leaverId,
        name: '短工',
        hukouType: 'urban',
        hukouRegionCode: '110105',
        hiredOn: '2025-07-01',
      },
    });
    const left = await leaveForeign({
      employerId,
      employmentId: hired.json().employment.id,
      leftOn: '2025-07-10',
      reason: 'resignation',
    });
    expect(left.statusCode).toBe(201);
    expect(left.json()).toMatchObject({ leftOn: '2025-07-10', leaveReason: 'resignation' });
  });

  it('checks an .xlsx file by line, writes nothing while a row is refused, then declares the fixed file', async () => {
    const before = await countRows(get().db);
    const bad = await workbook([
      ['id-number', 'name', 'declared'],
      [staff[0]!, '李雷', '9000.00'],
      [staff[1]!, '韩梅梅', 'nine thousand'],
      [nextIdNumber(), '陌生人', 8000],
    ]);
    const refused = await employer.request({
      method: 'POST',
      url: `/api/employers/${employerId}/bases.xlsx?cycleStart=2025-07`,
      payload: bad,
      headers: { 'content-type': XLSX },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      ok: false,
      declared: 0,
      errors: [
        { line: 3, row: 2, field: 'declared', code: 'VALIDATION' },
        { line: 4, row: 3, field: 'idNumber', code: 'NOT_FOUND' },
      ],
    });
    expect(await countRows(get().db)).toEqual(before);

    const good = await workbook([
      ['id-number', 'name', 'declared'],
      [staff[0]!, '李雷', '9000.00'],
      [staff[1]!, '韩梅梅', 12345.6],
    ]);
    const checked = await employer.request({
      method: 'POST',
      url: `/api/employers/${employerId}/bases.xlsx?cycleStart=2025-07&dryRun=true`,
      payload: good,
      headers: { 'content-type': XLSX },
    });
    expect(checked.json()).toEqual({ ok: true, declared: 2, cycleStart: '2025-07' });
    expect(await countRows(get().db)).toEqual(before);

    const applied = await employer.request({
      method: 'POST',
      url: `/api/employers/${employerId}/bases.xlsx?cycleStart=2025-07`,
      payload: good,
      headers: { 'content-type': XLSX },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ ok: true, declared: 2, cycleStart: '2025-07' });
    const bases = await get().app.registration.listLatestBases(employerId, '2025-07');
    // The new hire's first-month base from the hire above, and the two from the file.
    expect(bases.map((base) => base.declaredFen).sort((a, b) => a - b)).toEqual([
      900_000, 1_200_000, 1_234_560,
    ]);
  });

  it('reports CSV rows by their line in the file, blank lines included', async () => {
    const csv = `id-number,declared\n\n${staff[0]},abc\n${staff[1]},8000\n`;
    const refused = await employer.request({
      method: 'POST',
      url: `/api/employers/${employerId}/bases.csv?cycleStart=2025-07`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { line: 3, row: 1, field: 'declared', reason: expect.any(String), code: 'VALIDATION' },
    ]);
  });

  it('refuses a file that is not a workbook, naming the body', async () => {
    const response = await employer.request({
      method: 'POST',
      url: `/api/employers/${employerId}/bases.xlsx?cycleStart=2025-07`,
      payload: Buffer.from('not a zip'),
      headers: { 'content-type': XLSX },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body' });
  });

  it('hands out templates of the year staff with full identity numbers and the bases so far, in both formats', async () => {
    const csv = await employer.request({
      method: 'GET',
      url: `/api/employers/${employerId}/bases-template?cycleStart=2025-07&format=csv`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id-number,name,declared');
    expect(lines).toContain(`${staff[0]},李雷,9000.00`);

    const xlsx = await employer.request({
      method: 'GET',
      url: `/api/employers/${employerId}/bases-template?cycleStart=2025-07`,
    });
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(values[0]!.slice(1)).toEqual(['id-number', 'name', 'declared']);
    expect(values.map((row) => row[1])).toContain(staff[1]);
    // Staff without a base yet have an empty cell, which the check refuses until it is filled in.
    const upload = async (payload: Buffer) =>
      (
        await employer.request({
          method: 'POST',
          url: `/api/employers/${employerId}/bases.xlsx?cycleStart=2025-07&dryRun=true`,
          payload,
          headers: { 'content-type': XLSX },
        })
      ).json();
    const unfilled = await upload(xlsx.rawPayload);
    expect(unfilled.ok).toBe(false);
    expect(unfilled.errors.every((error: { field: string }) => error.field === 'declared')).toBe(true);
    book.worksheets[0]!.eachRow((row, line) => {
      if (line > 1 && !row.getCell(3).text) row.getCell(3).value = '8000';
    });
    expect(await upload(Buffer.from(await book.xlsx.writeBuffer()))).toMatchObject({ ok: true });
  });

  it('tells the contribution year of a month', async () => {
    const response = await employer.request({
      method: 'GET',
      url: `/api/employers/${employerId}/contribution-year?period=2026-03`,
    });
    expect(response.json()).toEqual({ regionCode: '110105', start: '2025-07', end: '2026-06' });
  });
});
