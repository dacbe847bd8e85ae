import { beforeAll, expect, it } from 'vitest';
import { anonymousClient, describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertRightsScenario } from '../../testing/rights-scenario.ts';

const PASSWORD = 'person-statements-password';

describeEachServer(
  "API: a person's statements stay listed; the verification JSON carries the content",
  (get) => {
    let ids: { a: number; b: number };
    let idNumberA: string;
    let personB: Client;
    let staff: Client;
    const signInA = () => logIn(get().server, 'person', { idNumber: idNumberA, password: PASSWORD });

    beforeAll(async () => {
      const { app, db, server } = get();
      ids = await insertRightsScenario(db);
      for (const personId of [ids.a, ids.b])
        await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
      await app.auth.addUser(
        {
          kind: 'staff',
          userName: 'zhao',
          displayName: 'Zhao Min',
          password: PASSWORD,
          roles: ['collection_officer'],
          regionCodes: ['110000'],
        },
        'test',
      );
      idNumberA = (await app.registration.getPerson(ids.a)).idNumber;
      const idNumberB = (await app.registration.getPerson(ids.b)).idNumber;
      personB = await logIn(server, 'person', { idNumber: idNumberB, password: PASSWORD });
      staff = await logIn(server, 'staff', { userName: 'zhao', password: PASSWORD });
    });

    it('lists the statements issued earlier after signing in again, newest first, a page at a time', async () => {
      const first = await signInA();
      const issue = async (client: Client, payload: Record<string, unknown>) => {
        const reply = await client.request({
          method: 'POST',
          url: `/api/persons/${ids.a}/statements`,
          payload,
        });
        expect(reply.statusCode).toBe(201);
        return reply.json() as { code: string; kind: string; verifyUrl: string };
      };
      const rights = await issue(first, { kind: 'rights', year: 2025 });
      const certificate = await issue(staff, { kind: 'certificate', from: '2025-07', to: '2025-09' });
      await first.request({ method: 'POST', url: '/api/auth/logout' });

      const again = await signInA();
      const listed = await again.request({ method: 'GET', url: `/api/persons/${ids.a}/statements` });
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toEqual({
        items: [
          expect.objectContaining({
            code: certificate.code,
            kind: 'contribution_certificate',
            periodFrom: '2025-07',
            periodTo: '2025-09',
            verifyUrl: certificate.verifyUrl,
          }),
          expect.objectContaining({
            code: rights.code,
            kind: 'rights_statement',
            verifyUrl: rights.verifyUrl,
          }),
        ],
        nextCursor: null,
      });
      const page = (
        await again.request({ method: 'GET', url: `/api/persons/${ids.a}/statements?limit=1` })
      ).json();
      expect(page.items.map((item: { code: string }) => item.code)).toEqual([certificate.code]);
      const rest = await again.request({
        method: 'GET',
        url: `/api/persons/${ids.a}/statements?limit=1&cursor=${page.nextCursor}`,
      });
      expect(rest.json()).toEqual({
        items: [expect.objectContaining({ code: rights.code })],
        nextCursor: null,
      });
      // Nobody else's.
      expect(
        (await personB.request({ method: 'GET', url: `/api/persons/${ids.b}/statements` })).json(),
      ).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it("refuses another person, and logs staff listing a person's statements (not the person's own)", async () => {
      const own = await signInA();
      const logged = async () =>
        (await own.request({ method: 'GET', url: `/api/persons/${ids.a}/access-log?limit=200` }))
          .json()
          .items.filter((item: { what: string }) => item.what === 'list of statements');
      expect(await logged()).toEqual([]);
      expect((await own.request({ method: 'GET', url: `/api/persons/${ids.a}/statements` })).statusCode).toBe(
        200,
      );
      expect(await logged()).toEqual([]);
      expect(
        (await personB.request({ method: 'GET', url: `/api/persons/${ids.a}/statements` })).statusCode,
      ).toBe(403);
      expect(
        (await staff.request({ method: 'GET', url: `/api/persons/${ids.a}/statements` })).statusCode,
      ).toBe(200);
      expect(await logged()).toEqual([
        expect.objectContaining({ actorKind: 'staff', route: 'GET /api/persons/:personId/statements' }),
      ]);
    });

    it('answers the verification JSON with the statement laid out as the HTML page shows it', async () => {
      const person = await signInA();
      const issued = await person.request({
        method: 'POST',
        url: `/api/persons/${ids.a}/statements`,
        payload: { kind: 'rights', year: 2025 },
      });
      const { code } = issued.json();
      const anyone = anonymousClient(get().server);
      const json = (
        await anyone.request({
          method: 'GET',
          url: `/verify/${code}`,
          headers: { accept: 'application/json' },
        })
      ).json();
      const page = async (lang: 'zh' | 'en') =>
        (await anyone.request({ method: 'GET', url: `/verify/${code}?lang=${lang}` })).body;
      expect(json.views.zh.title).toBe('社会保险个人权益记录单');
      expect(json.views.en.facts.length).toBeGreaterThan(3);
      // Every fact and every cell of each language is on the HTML page in that language too.
      for (const lang of ['zh', 'en'] as const) {
        const view = json.views[lang];
        const html = await page(lang);
        for (const [label, value] of view.facts as [string, string][]) {
          expect(html).toContain(label);
          expect(html).toContain(value.replace(/&/g, '&amp;'));
        }
        for (const section of view.sections as { rows: string[][] }[])
          for (const row of section.rows) for (const cell of row) expect(html).toContain(cell);
      }
      const unknown = await anyone.request({
        method: 'GET',
        url: '/verify/0000-0000-0000-0000',
        headers: { accept: 'application/json' },
      });
      expect(unknown.json()).toMatchObject({ status: 'unknown', views: null });
    });
  },
);
