import { beforeAll, expect, it } from 'vitest';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';
import { describeEachServer, logIn, type Client } from './test-server.ts';

const PASSWORD = 'staff-api-password';

/** Polls a job until it leaves "running" (the work runs in the background of the server process). */
async function finished(client: Client, jobId: number) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const job = (await client.request({ method: 'GET', url: `/api/collection/jobs/${jobId}` })).json();
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${jobId} did not finish`);
}

describeEachServer('API: staff search and background collection jobs', (get) => {
  let staff: Client;
  let fixture: Awaited<ReturnType<typeof insertCollectionFixture>>;

  beforeAll(async () => {
    const { app, db, server } = get();
    fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [
        { employees: [{ wageFen: 800_000 }, { wageFen: 900_000 }] },
        { employees: [{ wageFen: 700_000 }] },
      ],
    });
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'zhao',
        displayName: 'Zhao',
        password: PASSWORD,
        roles: ['collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    staff = await logIn(server, 'staff', { userName: 'zhao', password: PASSWORD });
  });

  it('finds employers by whole credit code or name prefix, nothing for a name that only contains it', async () => {
    const { app } = get();
    const first = await app.registration.getEmployer(fixture.employerIds[0]!);
    const byCode = await staff.request({
      method: 'GET',
      url: `/api/employers?regionCode=110000&q=${first.creditCode.toLowerCase()}`,
    });
    expect(byCode.json().items.map((row: { id: number }) => row.id)).toEqual([first.id]);
    const byName = await staff.request({
      method: 'GET',
      url: `/api/employers?regionCode=110000&q=${encodeURIComponent('Employer ')}&limit=1`,
    });
    expect(byName.json().items).toHaveLength(1);
    expect(byName.json().nextCursor).not.toBeNull();
    const inside = await staff.request({ method: 'GET', url: '/api/employers?regionCode=110000&q=mployer' });
    expect(inside.json().items).toEqual([]);
    const tooLong = await staff.request({
      method: 'GET',
      url: `/api/employers?regionCode=110000&q=${'x'.repeat(61)}`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().field).toMatch(/q/);
  });

  it('finds persons by identity number or name, masks the number and logs each person listed', async () => {
    const { app, db } = get();
    const personId = fixture.personIds[0]![0]!;
    const person = await app.registration.getPerson(personId);
    const byId = await staff.request({
      method: 'GET',
      url: `/api/persons?regionCode=110000&q=${person.idNumber}`,
    });
    expect(byId.statusCode).toBe(200);
    const [item] = byId.json().items;
    expect(item).toMatchObject({ id: personId, name: person.name });
    expect(item.idNumberMasked).not.toBe(person.idNumber);
    expect(item.idNumberMasked).toContain('****');
    expect(JSON.stringify(byId.json())).not.toContain(person.idNumber);
    const logged = await db
      .selectFrom('access_log')
      .select(['what', 'route'])
      .where('person_id', '=', personId)
      .execute();
    expect(logged).toContainEqual({ what: 'person search', route: 'GET /api/persons' });

    const byName = await staff.request({
      method: 'GET',
      url: `/api/persons?regionCode=110000&q=${encodeURIComponent(person.name)}`,
    });
    expect(byName.json().items.map((row: { id: number }) => row.id)).toContain(personId);
    const elsewhere = await staff.request({ method: 'GET', url: '/api/persons?regionCode=310000' });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('runs a month as a job: progress recorded, the result equal to the bills written', async () => {
    const { db } = get();
    const started = await staff.request({
      method: 'POST',
      url: '/api/collection/jobs',
      payload: { regionCode: '110105', period: '2025-08' },
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', regionCode: '110105', period: '2025-08' });
    const job = await finished(staff, started.json().id);
    const bills = await db
      .selectFrom('bills')
      .select(['total_fen'])
      .where('region_code', '=', '110105')
      .where('period', '=', '2025-08')
      .execute();
    expect(job).toMatchObject({ status: 'done', payersDone: 2, payersTotal: 2, personMonths: 3, bills: 2 });
    expect(job.totalFen).toBe(bills.reduce((sum, bill) => sum + Number(bill.total_fen), 0));
    expect(job.runId).toEqual(expect.any(Number));

    const verified = (await staff.request({ method: 'GET', url: '/api/ledger/verify' })).json();
    expect(verified.ok).toBe(true);
    expect(verified.personalAccounts.map((row: { fund: string }) => row.fund)).toEqual([
      'pension',
      'medical',
    ]);
    for (const row of verified.personalAccounts) expect(row.controlFen).toBe(row.subLedgerFen);
    expect(verified.checks).toContainEqual(
      expect.objectContaining({ code: 'personal-accounts-equal-control', fund: 'medical', ok: true }),
    );
    // Seventeen checks over the tables (five of them the benefits'), what the medical funds owe the
    // designated institutions, and the journal's hash chain per fund.
    expect(new Set(verified.checks.map((check: { code: string }) => check.code)).size).toBe(19);
    expect(verified.checks).toContainEqual(
      expect.objectContaining({ code: 'journal-chain-intact', fund: 'pension', ok: true }),
    );
    expect(verified.brokenLinks).toEqual([]);

    const listed = await staff.request({ method: 'GET', url: '/api/collection/jobs?regionCode=110105' });
    expect(listed.json().items[0].id).toBe(job.id);

    // The month again: a new job that finds nothing left to do.
    const again = await staff.request({
      method: 'POST',
      url: '/api/collection/jobs',
      payload: { regionCode: '110105', period: '2025-08' },
    });
    expect(await finished(staff, again.json().id)).toMatchObject({ status: 'done', bills: 0 });
  });

  it('keeps one running job per region and month; a job cut off by a restart shows as interrupted', async () => {
    const { db } = get();
    const me = (await staff.request({ method: 'GET', url: '/api/auth/me' })).json();
    const insertRunning = (heartbeatAt: string) =>
      db
        .insertInto('collection_jobs')
        .values({
          region_code: '110105',
          period: '2025-09',
          status: 'running',
          started_by: me.id,
          started_at: heartbeatAt,
          heartbeat_at: heartbeatAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    // A live job (its heartbeat is now, the test clock's time) keeps the slot: starting returns it.
    const live = await insertRunning('2025-07-15T02:00:00.000Z');
    const second = await staff.request({
      method: 'POST',
      url: '/api/collection/jobs',
      payload: { regionCode: '110105', period: '2025-09' },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(Number(live.id));
    await expect(insertRunning('2025-07-15T02:00:00.000Z')).rejects.toThrow();

    // Its process died: an old heartbeat reads as interrupted, and starting again takes over.
    await db
      .updateTable('collection_jobs')
      .set({ heartbeat_at: '2025-07-15T01:00:00.000Z' })
      .where('id', '=', live.id)
      .execute();
    const shown = await staff.request({ method: 'GET', url: `/api/collection/jobs/${live.id}` });
    expect(shown.json().status).toBe('interrupted');
    const restarted = await staff.request({
      method: 'POST',
      url: '/api/collection/jobs',
      payload: { regionCode: '110105', period: '2025-09' },
    });
    expect(restarted.statusCode).toBe(202);
    expect(restarted.json().id).not.toBe(Number(live.id));
    expect(await finished(staff, restarted.json().id)).toMatchObject({ status: 'done', bills: 2 });
    const old = await db
      .selectFrom('collection_jobs')
      .select('status')
      .where('id', '=', live.id)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe('interrupted');
  });

  it('names who proposed and who decided an approval', async () => {
    const { app, server } = get();
    for (const [userName, displayName] of [
      ['li', 'Li Proposer'],
      ['chen', 'Chen Approver'],
    ] as const)
      await app.auth.addUser(
        {
          kind: 'staff',
          userName,
          displayName,
          password: PASSWORD,
          roles: ['admin'],
          regionCodes: ['110000'],
        },
        'test',
      );
    const li = await logIn(server, 'staff', { userName: 'li', password: PASSWORD });
    const chen = await logIn(server, 'staff', { userName: 'chen', password: PASSWORD });
    const proposed = await li.request({
      method: 'POST',
      url: '/api/policy/parameters',
      payload: {
        name: 'base.averageWage',
        regionCode: '110000',
        validFrom: '2031-01',
        value: 1_400_000,
        source: 'names',
      },
    });
    expect(proposed.json()).toMatchObject({ proposedByName: 'Li Proposer', decidedByName: null });
    const approved = await chen.request({
      method: 'POST',
      url: `/api/approvals/${proposed.json().id}/approve`,
      payload: {},
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: 'Chen Approver' });
    const listed = await chen.request({ method: 'GET', url: '/api/approvals?status=approved' });
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id: proposed.json().id, proposedByName: 'Li Proposer' }),
    );
    // Staff of another region do not see it.
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'wu',
        displayName: 'Wu',
        password: PASSWORD,
        roles: ['admin'],
        regionCodes: ['310000'],
      },
      'test',
    );
    const wu = await logIn(server, 'staff', { userName: 'wu', password: PASSWORD });
    const elsewhere = await wu.request({ method: 'GET', url: '/api/approvals?status=approved' });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().items.map((item: { id: number }) => item.id)).not.toContain(proposed.json().id);
  });

  it('refuses a job for another region and names a bad period', async () => {
    const elsewhere = await staff.request({
      method: 'POST',
      url: '/api/collection/jobs',
      payload: { regionCode: '310000', period: '2025-08' },
    });
    expect(elsewhere.statusCode).toBe(403);
    const bad = await staff.request({
      method: 'POST',
      url: '/api/collection/jobs',
      payload: { regionCode: '110105', period: '2025-13' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toMatch(/period/);
    const missing = await staff.request({ method: 'GET', url: '/api/collection/jobs/999999' });
    expect(missing.statusCode).toBe(404);
  });
});
