import { createHash, generateKeyPairSync } from 'node:crypto';
import { maskResidentId } from '@shebao/domain';
import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../app/index.ts';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { fromPrivateKey, signText } from '../statements/index.ts';
import type { CardView } from './cards.schemas.ts';

/*
 * The social security card through the real HTTP stack (docs/RULES.md 18.2-18.9). Today is Tuesday 2025-07-15
 * (China time) unless a test moves the clock. Region 110105 has no card figures of its own: the national
 * defaults apply (20 yuan for a lost or damaged card, 5 days of temporary loss, 15 working days).
 */
const PASSWORD = 'a-long-password-1';
const START = '2025-07-15T02:00:00.000Z';
let now = new Date(START);
const clock: Clock = { now: () => new Date(now) };
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 3)]);
const GIF = Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.alloc(200, 1)]);
const photo = (bytes: Buffer) => bytes.toString('base64');

type Changed = { card: CardView; changed: boolean };

describeEachServer(
  'the social security card',
  (get) => {
    let persons: number[] = [];
    let employerId = 0;
    let officer: Client;
    let person: Client;
    let employer: Client;
    let institution: Client;
    let cardId = 0;
    let cardNo = '';
    let batchId = 0;

    const notices = async (prefix: string) =>
      (
        await get()
          .db.selectFrom('notices')
          .select(['event_key', 'kind', 'params', 'link', 'recipient_kind', 'recipient_id'])
          .where('event_key', 'like', `${prefix}%`)
          .orderBy('id')
          .execute()
      ).map((row) => ({ ...row, params: JSON.parse(row.params) as Record<string, unknown> }));
    const eventsOf = async (id: number) =>
      (
        await get()
          .db.selectFrom('card_events')
          .select('event')
          .where('card_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((row) => row.event);
    const personLogin = async (personId: number) => {
      const { app, server } = get();
      const { idNumber } = await app.registration.getPerson(personId);
      return logIn(server, 'person', { idNumber, password: PASSWORD });
    };

    beforeAll(async () => {
      const { app, db, server } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-01',
        employers: [{ employees: Array.from({ length: 6 }, () => ({ wageFen: 800_000 })) }],
        declaredMonths: { from: '2025-01', to: '2025-06' },
      });
      persons = fixture.personIds[0]!;
      employerId = fixture.employerIds[0]!;
      await app.auth.addUser(
        {
          kind: 'staff',
          userName: 'counter',
          displayName: 'Counter',
          password: PASSWORD,
          roles: ['collection_officer'],
          regionCodes: ['110000'],
        },
        'test',
      );
      await app.auth.addUser(
        { kind: 'employer', employerId, userName: 'hr', displayName: 'HR', password: PASSWORD },
        'test',
      );
      for (const personId of persons)
        await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
      const institutionId = Number(
        (
          await db
            .insertInto('medical_institutions')
            .values({
              code: 'H11010500001',
              name: 'Matrix Hospital',
              kind: 'hospital',
              level: 2,
              category: 'general',
              region_code: '110105',
              address: '1 Road',
              created_by: 'test',
              created_at: START,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      await app.auth.addUser(
        {
          kind: 'staff',
          userName: 'clinic',
          displayName: 'Clinic',
          password: PASSWORD,
          roles: ['institution_user'],
          regionCodes: ['110105'],
          institutionId,
        },
        'test',
      );
      officer = await logIn(server, 'staff', { userName: 'counter', password: PASSWORD });
      institution = await logIn(server, 'staff', { userName: 'clinic', password: PASSWORD });
      const { creditCode } = await app.registration.getEmployer(employerId);
      employer = await logIn(server, 'employer', { creditCode, userName: 'hr', password: PASSWORD });
      person = await personLogin(persons[0]!);
    });

    it('takes an online application with a photo, shows the production clock, and takes it once', async () => {
      const url = `/api/persons/${persons[0]}/cards`;
      const body = { photo: photo(PNG), dispatch: 'mail', mailAddress: '北京市朝阳区建国路1号' };
      const first = await person.request({ method: 'POST', url, payload: body });
      expect(first.statusCode).toBe(201);
      const { card } = first.json() as Changed;
      cardId = card.id;
      // 15 working days counted from Wednesday 2025-07-16, no holiday before October: 2025-08-05.
      expect(card).toMatchObject({
        status: 'applied',
        channel: 'online',
        reason: 'first',
        generation: 3,
        appliedOn: '2025-07-15',
        dueOn: '2025-08-05',
        clock: { days: 15, unit: 'working-days' },
        feeFen: 0,
        cardNumber: null,
      });
      const again = await person.request({ method: 'POST', url, payload: body });
      expect(again.statusCode).toBe(200);
      expect((again.json() as Changed).card.id).toBe(cardId);
      // The photo is kept by its SHA-256.
      const row = await get()
        .db.selectFrom('social_security_cards')
        .selectAll()
        .where('id', '=', cardId)
        .executeTakeFirstOrThrow();
      expect(row.photo_sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
      expect(row.photo_type).toBe('image/png');
    });

    it('refuses a photo that is not JPEG or PNG by its bytes, naming the field, and writes nothing', async () => {
      const before = await get().db.selectFrom('social_security_cards').select('id').execute();
      const response = await officer.request({
        method: 'POST',
        url: `/api/persons/${persons[1]}/cards`,
        payload: { photo: photo(GIF), dispatch: 'branch', branchName: '朝阳分中心' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ field: 'photo', detailCode: 'card-photo' });
      const missing = await officer.request({
        method: 'POST',
        url: `/api/persons/${persons[1]}/cards`,
        payload: { photo: photo(JPEG), dispatch: 'branch' },
      });
      expect(missing.json()).toMatchObject({ field: 'branchName' });
      expect(await get().db.selectFrom('social_security_cards').select('id').execute()).toHaveLength(
        before.length,
      );
    });

    it('walks the card from approval through the bank to the person, telling them at each step', async () => {
      const base = `/api/persons/${persons[0]}/cards/${cardId}`;
      const approved = await officer.request({
        method: 'POST',
        url: `${base}/decision`,
        payload: { approve: true },
      });
      expect(approved.statusCode).toBe(200);
      const card = (approved.json() as Changed).card;
      cardNo = card.cardNumber!;
      expect(cardNo).toMatch(/^A\d{8}$/);
      expect(card.cardNumberMasked).toBe(`${cardNo.slice(0, 2)}*****${cardNo.slice(6)}`);
      // Approving again changes nothing; refusing an approved card is refused naming the card.
      const twice = await officer.request({
        method: 'POST',
        url: `${base}/decision`,
        payload: { approve: true },
      });
      expect(twice.json()).toMatchObject({ changed: false });
      const refuse = await officer.request({
        method: 'POST',
        url: `${base}/decision`,
        payload: { approve: false, reason: 'late' },
      });
      expect(refuse.statusCode).toBe(422);
      expect(refuse.json()).toMatchObject({ field: 'cardId', detailCode: 'card-status' });

      const batch = await officer.request({
        method: 'POST',
        url: '/api/cards/production-batches',
        payload: { regionCode: '110105', bankCode: 'ICBC' },
      });
      expect(batch.statusCode).toBe(201);
      const batchView = batch.json() as { id: number; batchNo: string; cards: number; fileSha256: string };
      batchId = batchView.id;
      expect(batchView).toMatchObject({ cards: 1, batchNo: 'CB20250715110105ICBC001' });
      const file = await officer.request({
        method: 'GET',
        url: `/api/cards/production-batches/${batchId}/file`,
      });
      expect(file.statusCode).toBe(200);
      expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(batchView.fileSha256);
      const { idNumber, name } = await get().app.registration.getPerson(persons[0]!);
      expect(file.body).toContain(`CB20250715110105ICBC001,${cardNo},${idNumber},${name},3,`);
      expect(file.body).toContain('#total,1');
      // Nothing left to send: a second batch is refused.
      const empty = await officer.request({
        method: 'POST',
        url: '/api/cards/production-batches',
        payload: { regionCode: '110105', bankCode: 'ICBC' },
      });
      expect(empty.json()).toMatchObject({ detailCode: 'card-batch-empty' });

      const content = [
        'card_no,bank_account_no,produced_on',
        `${cardNo},6222020200112233445,2025-07-15`,
        'B12345678,6222020200112233446,2025-07-15',
        `${cardNo},12ab,2025-07-15`,
      ].join('\n');
      const imported = await officer.request({
        method: 'POST',
        url: `/api/cards/production-batches/${batchId}/returns`,
        payload: content,
        headers: { 'content-type': 'text/csv' },
      });
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toMatchObject({
        replayed: false,
        rows: 3,
        produced: 1,
        already: 0,
        errors: [
          { line: 3, field: 'card_no' },
          { line: 4, field: 'bank_account_no' },
        ],
      });
      const eventsBefore = await eventsOf(cardId);
      const replay = await officer.request({
        method: 'POST',
        url: `/api/cards/production-batches/${batchId}/returns`,
        payload: content,
        headers: { 'content-type': 'text/csv' },
      });
      expect(replay.json()).toMatchObject({ replayed: true, produced: 1 });
      // Another file naming the produced card with its account again: already done, nothing changes.
      const overlap = await officer.request({
        method: 'POST',
        url: `/api/cards/production-batches/${batchId}/returns`,
        payload: `card_no,bank_account_no,produced_on\n${cardNo},6222020200112233445,2025-07-15\n`,
        headers: { 'content-type': 'text/csv' },
      });
      expect(overlap.json()).toMatchObject({ replayed: false, produced: 0, already: 1 });
      expect(await eventsOf(cardId)).toEqual(eventsBefore);

      const mailed = await officer.request({
        method: 'POST',
        url: `${base}/dispatch`,
        payload: { trackingNo: 'EMS1' },
      });
      expect((mailed.json() as Changed).card.status).toBe('mailed');
      const collected = await person.request({ method: 'POST', url: `${base}/collection`, payload: {} });
      expect((collected.json() as Changed).card).toMatchObject({
        status: 'active',
        collectedOn: '2025-07-15',
        bankAccountMasked: '****3445',
        producedOn: '2025-07-15',
      });
      expect(await eventsOf(cardId)).toEqual([
        'applied',
        'approved',
        'sent_to_bank',
        'produced',
        'mailed',
        'collected',
      ]);
      const told = await notices(`card:${cardId}:`);
      expect(told.map((notice) => notice.event_key)).toEqual(
        ['applied', 'approved', 'sent_to_bank', 'produced', 'mailed', 'collected'].map(
          (event) => `card:${cardId}:${event}`,
        ),
      );
      expect(told.every((notice) => notice.kind === 'card.status' && notice.link === '/person/card')).toBe(
        true,
      );
      expect(told[0]).toMatchObject({
        recipient_kind: 'person',
        recipient_id: persons[0],
        params: { event: 'applied', cardNumber: null, dueOn: '2025-08-05', feeFen: 0, place: 'mail' },
      });
      expect(told[1]!.params).toEqual({
        event: 'approved',
        cardNumber: `${cardNo.slice(0, 2)}*****${cardNo.slice(6)}`,
        dueOn: '2025-08-05',
        feeFen: null,
        place: null,
      });
      expect(told[4]!.params).toMatchObject({ event: 'mailed', place: 'mail' });
    });

    it('lists the staff queue with identity numbers masked', async () => {
      const response = await officer.request({
        method: 'GET',
        url: '/api/cards?regionCode=110105&status=active',
      });
      expect(response.statusCode).toBe(200);
      const { idNumber } = await get().app.registration.getPerson(persons[0]!);
      expect((response.json() as { items: unknown[] }).items).toEqual([
        expect.objectContaining({ id: cardId, idNumberMasked: maskResidentId(idNumber), status: 'active' }),
      ]);
      expect(response.body).not.toContain(idNumber);
    });

    it('records the card benefits are paid to, and the payroll pays the awards in payment to it', async () => {
      // An award of the person in payment to a bank account, and one already stopped.
      for (const [awardNo, stoppedAfter] of [
        ['AW-CARD-1', null],
        ['AW-CARD-2', '2025-06'],
      ] as const)
        await get()
          .db.insertInto('benefit_roll')
          .values({
            award_no: awardNo,
            person_id: persons[0]!,
            region_code: '110105',
            kind: 'pension',
            payee_name: 'test',
            first_period: '2025-07',
            first_month_index: 2025 * 12 + 6,
            monthly_fen: 300_000,
            monthly_from: '2025-07',
            monthly_version: 1,
            prior_monthly_fen: 300_000,
            account_part_fen: 0,
            account_balance_fen: 0,
            payee_kind: 'bank',
            payee_account: '6217000010001234567',
            bank_code: 'CCB',
            verified_through: '2027-06',
            stopped_after: stoppedAfter,
            updated_at: 'before',
          })
          .execute();
      const response = await person.request({
        method: 'PUT',
        url: `/api/persons/${persons[0]}/benefit-payment-card`,
        payload: { cardId },
      });
      expect(response.statusCode).toBe(200);
      expect(await get().app.cards.paymentCardsOf([persons[0]!, persons[1]!])).toEqual([
        {
          personId: persons[0],
          cardId,
          cardNumber: cardNo,
          bankCode: 'ICBC',
          bankAccountNo: '6222020200112233445',
          usable: true,
          chosenOn: '2025-07-15',
        },
      ]);
      const rolls = await get()
        .db.selectFrom('benefit_roll')
        .select(['award_no', 'payee_kind', 'payee_account', 'bank_code'])
        .where('person_id', '=', persons[0]!)
        .orderBy('award_no')
        .execute();
      expect(rolls).toEqual([
        {
          award_no: 'AW-CARD-1',
          payee_kind: 'card',
          payee_account: '6222020200112233445',
          bank_code: 'ICBC',
        },
        { award_no: 'AW-CARD-2', payee_kind: 'bank', payee_account: '6217000010001234567', bank_code: 'CCB' },
      ]);
    });

    it('verifies the electronic card: valid, forged, blocked by a temporary loss, expired', async () => {
      const issued = await person.request({
        method: 'POST',
        url: `/api/persons/${persons[0]}/e-card-tokens`,
        payload: {},
      });
      expect(issued.statusCode).toBe(201);
      const { token, expiresAt } = issued.json() as { token: string; expiresAt: string };
      expect(expiresAt).toBe('2025-07-15T02:02:00.000Z');
      const { name } = await get().app.registration.getPerson(persons[0]!);
      const verify = async (text: string) =>
        (
          await institution.request({
            method: 'POST',
            url: '/api/e-card/verification',
            payload: { token: text },
          })
        ).json();
      expect(await verify(token)).toEqual({
        valid: true,
        reason: null,
        nameMasked: `${[...name][0]}${'*'.repeat([...name].length - 1)}`,
        cardNumberMasked: `${cardNo.slice(0, 2)}*****${cardNo.slice(6)}`,
        expiresAt,
        checkedAt: START,
      });
      // A changed payload under the old signature, and a code signed with another key: forged, nothing told.
      const [prefix, payload, signature] = token.split('.') as [string, string, string];
      const changed = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), exp: 2_000_000_000 }),
      ).toString('base64url');
      expect(await verify(`${prefix}.${changed}.${signature}`)).toMatchObject({
        valid: false,
        reason: 'forged',
        nameMasked: null,
      });
      const otherKey = fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
      expect(
        await verify(`${prefix}.${payload}.${signText(otherKey, `${prefix}.${payload}`)}`),
      ).toMatchObject({
        valid: false,
        reason: 'forged',
      });
      expect(await verify('not a code')).toMatchObject({ valid: false, reason: 'malformed' });

      const lost = await person.request({
        method: 'POST',
        url: `/api/persons/${persons[0]}/cards/${cardId}/temporary-loss`,
        payload: { channel: 'app' },
      });
      // Reported on 2025-07-15 with the national 5 days: blocked through 2025-07-20.
      expect((lost.json() as Changed).card).toMatchObject({
        status: 'temporarily_lost',
        temporaryLossUntil: '2025-07-20',
      });
      expect(await verify(token)).toMatchObject({
        valid: false,
        reason: 'card-blocked',
        nameMasked: expect.any(String),
      });
      // Blocked, so not a card the payroll may pay to meanwhile.
      expect((await get().app.cards.paymentCardsOf([persons[0]!]))[0]!.usable).toBe(false);
      const noCode = await person.request({
        method: 'POST',
        url: `/api/persons/${persons[0]}/e-card-tokens`,
        payload: {},
      });
      expect(noCode.json()).toMatchObject({ detailCode: 'card-not-in-use' });
      const lifted = await person.request({
        method: 'POST',
        url: `/api/persons/${persons[0]}/cards/${cardId}/temporary-loss/lifting`,
        payload: {},
      });
      expect((lifted.json() as Changed).card.status).toBe('active');
      expect(await verify(token)).toMatchObject({ valid: true });
      now = new Date('2025-07-15T02:02:00.000Z');
      expect(await verify(token)).toMatchObject({ valid: false, reason: 'expired' });
      now = new Date(START);
    });

    it('lets a temporary loss lapse after its days unless made formal', async () => {
      const { app } = get();
      const actor = { login: 'person:test', side: 'person' as const };
      await app.cards.reportTemporaryLoss(persons[0]!, cardId, 'phone', actor);
      now = new Date('2025-07-20T15:00:00.000Z'); // 2025-07-20 23:00 in China: the last day, still blocked.
      expect((await app.cards.listCardsOfPerson(persons[0]!))[0]!.effectiveStatus).toBe('temporarily_lost');
      expect(await app.cards.lapseTemporaryLosses('110105')).toEqual({ lapsed: 0 });
      now = new Date('2025-07-20T16:00:00.000Z'); // 2025-07-21 in China: lapsed.
      expect((await app.cards.listCardsOfPerson(persons[0]!))[0]).toMatchObject({
        status: 'temporarily_lost',
        effectiveStatus: 'active',
      });
      expect(await app.cards.lapseTemporaryLosses('110105')).toEqual({ lapsed: 1 });
      expect(await app.cards.lapseTemporaryLosses('110105')).toEqual({ lapsed: 0 });
      expect((await app.cards.listCardsOfPerson(persons[0]!))[0]!.status).toBe('active');
      const lapses = await notices(`card:${cardId}:temporary_loss_lapsed`);
      expect(lapses).toHaveLength(1);
      expect(lapses[0]!.event_key).toMatch(new RegExp(`^card:${cardId}:temporary_loss_lapsed:\\d+$`));
      now = new Date(START);
    });

    it('replaces a lost card with the fee waived on a certificate seen at the counter, and ends the old card', async () => {
      const base = `/api/persons/${persons[0]}/cards/${cardId}`;
      await person.request({ method: 'POST', url: `${base}/temporary-loss`, payload: { channel: 'phone' } });
      const formal = await person.request({ method: 'POST', url: `${base}/formal-loss`, payload: {} });
      expect((formal.json() as Changed).card.status).toBe('lost');
      const online = await person.request({
        method: 'POST',
        url: `${base}/replacement`,
        payload: {
          reason: 'lost',
          photo: photo(JPEG),
          exemption: 'disability',
          dispatch: 'mail',
          mailAddress: '北京市朝阳区建国路1号',
        },
      });
      expect(online.statusCode).toBe(422);
      expect(online.json()).toMatchObject({ field: 'exemption', detailCode: 'card-exemption-at-counter' });
      const counter = await officer.request({
        method: 'POST',
        url: `${base}/replacement`,
        payload: {
          reason: 'lost',
          photo: photo(JPEG),
          exemption: 'disability',
          exemptionEvidence: '11010519850315001X42',
          dispatch: 'branch',
          branchName: '朝阳分中心',
        },
      });
      expect(counter.statusCode).toBe(201);
      const replacement = (counter.json() as Changed).card;
      expect(replacement).toMatchObject({
        reason: 'lost',
        replacesCardId: cardId,
        channel: 'counter',
        feeFen: 0,
        feeExemption: 'disability',
      });
      expect(replacement.feeExplanation.formula).toBe('20.00 waived = 0.00');
      // Through production to the branch and collection: the lost card is replaced, the choice moves.
      const next = `/api/persons/${persons[0]}/cards/${replacement.id}`;
      await officer.request({ method: 'POST', url: `${next}/decision`, payload: { approve: true } });
      const batch = await officer.request({
        method: 'POST',
        url: '/api/cards/production-batches',
        payload: { regionCode: '110000', bankCode: 'ICBC' },
      });
      const newNo = (await get().app.cards.listCardsOfPerson(persons[0]!))[0]!.cardNumber!;
      expect(newNo).not.toBe(cardNo);
      await officer.request({
        method: 'POST',
        url: `/api/cards/production-batches/${(batch.json() as { id: number }).id}/returns`,
        payload: `card_no,bank_account_no,produced_on\n${newNo},6222020200112230009,2025-07-15\n`,
        headers: { 'content-type': 'text/csv' },
      });
      const atBranch = await officer.request({ method: 'POST', url: `${next}/dispatch`, payload: {} });
      expect((atBranch.json() as Changed).card.status).toBe('at_branch');
      await officer.request({ method: 'POST', url: `${next}/collection`, payload: {} });
      const cards = await get().app.cards.listCardsOfPerson(persons[0]!);
      expect(cards.map((card) => [card.id, card.status, card.paymentCard])).toEqual([
        [replacement.id, 'active', true],
        [cardId, 'replaced', false],
      ]);
      // The award in payment follows the choice to the new card's account.
      const roll = await get()
        .db.selectFrom('benefit_roll')
        .select(['payee_account'])
        .where('award_no', '=', 'AW-CARD-1')
        .executeTakeFirstOrThrow();
      expect(roll.payee_account).toBe('6222020200112230009');
      expect(
        (await notices(`card:${cardId}:`)).map((notice) => notice.event_key.replace(/:\d+$/, '')).slice(-3),
      ).toEqual([`card:${cardId}:temporarily_lost`, `card:${cardId}:lost`, `card:${cardId}:replaced`]);
      expect((await notices(`card:${replacement.id}:at_branch`))[0]!.params).toMatchObject({
        place: '朝阳分中心',
      });
    });

    it('charges the region’s fee for a damaged card, and refuses a second first card', async () => {
      const { app } = get();
      const actor = { login: 'staff:counter', side: 'staff' as const };
      const other = persons[2]!;
      // A card in use, written through the service.
      const applied = await app.cards.apply(
        other,
        { photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
        actor,
      );
      await app.cards.decide(other, applied.card.id, { approve: true }, actor);
      const batch = await app.cards.createProductionBatch({ regionCode: '110105', bankCode: 'BOC' }, actor);
      const number = (await app.cards.listCardsOfPerson(other))[0]!.cardNumber!;
      await app.cards.importBankReturn(
        {
          batchId: batch.id,
          content: `card_no,bank_account_no,produced_on\n${number},6222020200112230010,2025-07-15\n`,
        },
        actor,
      );
      await app.cards.dispatch(other, applied.card.id, undefined, actor);
      await app.cards.collect(other, applied.card.id, actor);
      const second = await officer.request({
        method: 'POST',
        url: `/api/persons/${other}/cards`,
        payload: { photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ field: 'personId', detailCode: 'card-already-valid' });
      const damaged = await officer.request({
        method: 'POST',
        url: `/api/persons/${other}/cards/${applied.card.id}/replacement`,
        payload: { reason: 'damaged', photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
      });
      expect(damaged.statusCode).toBe(201);
      // The national default: 20 yuan for a damaged card.
      expect((damaged.json() as Changed).card).toMatchObject({
        feeFen: 2000,
        feeExemption: null,
        reason: 'damaged',
      });
      expect((await app.cards.listCardsOfPerson(other))[1]!.status).toBe('damaged');
      // An upgrade is for a second-generation card only.
      const upgrade = await officer.request({
        method: 'POST',
        url: `/api/persons/${other}/cards/${applied.card.id}/replacement`,
        payload: { reason: 'upgrade', photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
      });
      expect(upgrade.statusCode).toBe(422);
    });

    it('replaces a second-generation card with a third free of charge', async () => {
      const { app, db } = get();
      const holder = persons[3]!;
      const at = START;
      const { id } = await db
        .insertInto('social_security_cards')
        .values({
          card_no: 'A90000001',
          person_id: holder,
          region_code: '110105',
          generation: 2,
          status: 'active',
          reason: 'first',
          replaces_card_id: null,
          channel: 'counter',
          employer_id: null,
          applied_by: 'migration',
          applied_on: '2015-03-01',
          photo_sha256: null,
          photo_type: null,
          clock_days: 15,
          clock_unit: 'working-days',
          clock_source: 'migrated',
          due_on: '2015-03-20',
          fee_fen: 0,
          fee_exemption: null,
          fee_explanation: JSON.stringify({ rule: 'migrated', formula: '0.00', inputs: {}, sources: [] }),
          dispatch: 'branch',
          branch_name: '朝阳分中心',
          mail_address: null,
          refusal_reason: null,
          batch_id: null,
          bank_code: 'ICBC',
          bank_account_no: '6222020200112230011',
          produced_on: '2015-03-10',
          collected_on: '2015-03-21',
          temporary_loss_until: null,
          recorded_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const upgraded = await app.cards.replace(
        holder,
        Number(id),
        { reason: 'upgrade', photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
        { login: 'person:x', side: 'person' },
      );
      expect(upgraded.card).toMatchObject({ reason: 'upgrade', generation: 3, feeFen: 0, status: 'applied' });
      // The old card stays in use until the new one is collected.
      expect((await app.cards.listCardsOfPerson(holder))[1]!.status).toBe('active');
    });

    it('takes an employer’s applications for its staff row by row, and a re-run applies nothing twice', async () => {
      const { app } = get();
      const [a, b] = [persons[4]!, persons[5]!];
      const pa = await app.registration.getPerson(a);
      const pb = await app.registration.getPerson(b);
      const outsider = persons[1]!;
      const po = await app.registration.getPerson(outsider);
      const rows = [
        { idNumber: pa.idNumber, name: pa.name, photo: photo(PNG) },
        { idNumber: pb.idNumber, name: 'Wrong Name', photo: photo(PNG) },
        { idNumber: '110105198503150010', name: 'Nobody', photo: photo(PNG) },
        {
          idNumber: pb.idNumber.slice(0, 17) + (pb.idNumber.endsWith('0') ? '1' : '0'),
          name: pb.name,
          photo: photo(PNG),
        },
        { idNumber: po.idNumber, name: po.name, photo: photo(GIF) },
      ];
      const url = `/api/employers/${employerId}/card-applications`;
      const first = await employer.request({
        method: 'POST',
        url,
        payload: { branchName: '单位代办', rows },
      });
      expect(first.statusCode).toBe(200);
      const results = (first.json() as { results: Record<string, unknown>[] }).results;
      expect(results.map((row) => [row.line, row.outcome, row.field])).toEqual([
        [1, 'applied', null],
        [2, 'refused', 'rows.1.name'],
        [3, 'refused', 'rows.2.idNumber'],
        [4, 'refused', 'rows.3.idNumber'],
        [5, 'refused', 'rows.4.photo'],
      ]);
      expect(results[0]).toMatchObject({ idNumberMasked: maskResidentId(pa.idNumber), personId: a });
      expect((await app.cards.listCardsOfPerson(a))[0]).toMatchObject({
        channel: 'employer',
        dispatch: 'branch',
        branchName: '单位代办',
      });
      const again = await employer.request({
        method: 'POST',
        url,
        payload: { branchName: '单位代办', rows },
      });
      expect((again.json() as { results: { outcome: string }[] }).results[0]!.outcome).toBe(
        'already-applied',
      );
      expect(await app.cards.listCardsOfPerson(a)).toHaveLength(1);
    });

    it('reads the region’s fee: Guangdong’s 10 yuan from 2025-07 against the national 20', async () => {
      const { app } = get();
      const book = await app.policy.loadBook();
      expect(
        book.require('cards.replacementFee', { regionCode: '440300', period: '2025-07' }).value,
      ).toMatchObject({
        lostFen: 1000,
      });
      expect(
        book.require('cards.replacementFee', { regionCode: '440300', period: '2025-06' }).value,
      ).toMatchObject({
        lostFen: 2000,
      });
      expect(
        book.require('cards.replacementFee', { regionCode: '110105', period: '2025-07' }).value,
      ).toMatchObject({
        lostFen: 2000,
      });
    });

    it('shows the photo to staff, marks an application past its clock overdue, and lets the person withdraw it', async () => {
      const { app } = get();
      const applicant = await personLogin(persons[1]!);
      const applied = await applicant.request({
        method: 'POST',
        url: `/api/persons/${persons[1]}/cards`,
        payload: { photo: photo(JPEG), dispatch: 'branch', branchName: '朝阳分中心' },
      });
      const card = (applied.json() as Changed).card;
      expect(card.overdue).toBe(false);
      const picture = await officer.request({
        method: 'GET',
        url: `/api/persons/${persons[1]}/cards/${card.id}/photo`,
      });
      expect(picture.statusCode).toBe(200);
      expect(picture.headers['content-type']).toBe('image/jpeg');
      expect(picture.rawPayload.equals(JPEG)).toBe(true);
      // Due on 2025-08-05: on the 6th, still only applied, it is overdue.
      now = new Date('2025-08-06T02:00:00.000Z');
      expect((await app.cards.listCardsOfPerson(persons[1]!))[0]!.overdue).toBe(true);
      now = new Date(START);
      const url = `/api/persons/${persons[1]}/cards/${card.id}/cancellation`;
      const withdrawn = await applicant.request({
        method: 'POST',
        url,
        payload: { reason: 'applied twice' },
      });
      expect((withdrawn.json() as Changed).card.status).toBe('cancelled');
      const again = await applicant.request({ method: 'POST', url, payload: { reason: 'applied twice' } });
      expect(again.json()).toMatchObject({ changed: false });
      expect((await notices(`card:${card.id}:cancelled`))[0]!.params).toMatchObject({ event: 'cancelled' });
      // An approved card is the agency's to cancel, not the person's.
      const other = await app.cards.apply(
        persons[1]!,
        { photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
        { login: 'staff:counter', side: 'staff' },
      );
      await app.cards.decide(
        persons[1]!,
        other.card.id,
        { approve: true },
        { login: 'staff:counter', side: 'staff' },
      );
      const refused = await applicant.request({
        method: 'POST',
        url: `/api/persons/${persons[1]}/cards/${other.card.id}/cancellation`,
        payload: { reason: 'changed my mind' },
      });
      expect(refused.statusCode).toBe(422);
      const byStaff = await officer.request({
        method: 'POST',
        url: `/api/persons/${persons[1]}/cards/${other.card.id}/cancellation`,
        payload: { reason: 'duplicate record' },
      });
      expect((byStaff.json() as Changed).card.status).toBe('cancelled');
    });

    it('issues no card to a person whose death is confirmed', async () => {
      const { db } = get();
      const deceased = persons[5]!;
      const { id: approvalId } = await db
        .insertInto('approvals')
        .values({
          kind: 'survival.confirmDeath',
          region_code: '110105',
          payload_json: '{}',
          summary: 'death',
          status: 'approved',
          proposed_by: 1,
          proposed_at: START,
          decided_by: 2,
          decided_at: START,
          decision_note: null,
          result_json: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('death_reports')
        .values({
          person_id: deceased,
          region_code: '110105',
          date_of_death: '2025-07-01',
          reported_by: 'staff',
          reporter_name: null,
          state: 'confirmed',
          approval_id: Number(approvalId),
          heirs: '[]',
          funeral_payee: JSON.stringify({
            name: '张丽',
            idNumber: '11010519750304012X',
            bankAccount: '6222020200112230001',
          }),
          document_sha256: null,
          benefits: JSON.stringify({ funeralGrant: null, survivorsBenefit: null }),
          note: null,
          recorded_by: 'test',
          recorded_at: START,
          decided_by: 'test',
          decided_at: START,
        })
        .execute();
      const response = await officer.request({
        method: 'POST',
        url: `/api/persons/${deceased}/cards`,
        payload: { photo: photo(PNG), dispatch: 'branch', branchName: '朝阳分中心' },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ field: 'personId', detailCode: 'card-holder-deceased' });
    });

    it('puts a card in one batch only when two batches are made at once', async () => {
      const { app, db } = get();
      const actor = { login: 'staff:counter', side: 'staff' as const };
      const [card] = await app.cards.listCardsOfPerson(persons[4]!);
      expect(card!.status).toBe('applied');
      await app.cards.decide(persons[4]!, card!.id, { approve: true }, actor);
      const outcomes = await Promise.allSettled([
        app.cards.createProductionBatch({ regionCode: '110105', bankCode: 'CCB' }, actor),
        app.cards.createProductionBatch({ regionCode: '110105', bankCode: 'ABC' }, actor),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const rows = await db
        .selectFrom('card_events')
        .select('event')
        .where('card_id', '=', card!.id)
        .where('event', '=', 'sent_to_bank')
        .execute();
      expect(rows).toHaveLength(1);
    });
  },
  { clock },
);
