import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertRightsScenario } from '../../testing/rights-scenario.ts';
import {
  canonicalJson,
  issueContributionCertificate,
  issueRightsStatement,
  loadOrCreateSigningKey,
  registerVerificationRoutes,
  statementPdf,
  statementVerification,
  verifyStatement,
} from './index.ts';
import { presentStatement } from './present-statement.ts';

const folder = mkdtempSync(join(tmpdir(), 'shebao-statements-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const keyFile = join(folder, 'keys', 'signing-key.pem');
const signingKey = loadOrCreateSigningKey(keyFile);
const clock = fixedClock('2026-01-05T02:00:00.000Z');
const BASE = 'https://si.example.cn';

it('creates the signing key once, private to its owner, and reads the same key afterwards', () => {
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  const again = loadOrCreateSigningKey(keyFile);
  expect(again.keyId).toBe(signingKey.keyId);
  expect(again.publicKeyPem).toContain('BEGIN PUBLIC KEY');
});

it('writes canonical JSON: sorted keys, integers only', () => {
  expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: undefined } })).toBe(
    '{"a":[true,null,"x"],"b":1,"c":{"z":0}}',
  );
  expect(() => canonicalJson({ amount: 1.5 })).toThrow(/integers only/);
});

describeEachDatabase('signed statements', (getDb) => {
  const deps = () => ({ db: getDb(), clock, signingKey, publicBaseUrl: BASE });
  const verifyDeps = () => ({ db: getDb(), publicKey: signingKey.publicKey, keyId: signingKey.keyId });
  let ids: { a: number; b: number };
  let code = '';

  it('issues the yearly rights statement, signed, and verification shows exactly what was certified', async () => {
    ids = await insertRightsScenario(getDb());
    const issued = await issueRightsStatement(deps(), { personId: ids.a, year: 2025 });
    code = issued.code;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(issued.verifyUrl).toBe(`${BASE}/verify/${code}`);
    expect(issued.payloadJson).toBe(canonicalJson(issued.document));
    expect(issued.document).toMatchObject({
      kind: 'rights_statement',
      code,
      period: { from: '2025-01', to: '2025-12' },
      keyId: signingKey.keyId,
    });
    expect(issued.document.subject.idNumberMasked).toMatch(/\*{8}/);
    expect(issued.document.overlaps).toEqual(['2025-08', '2025-09']);

    const verification = await verifyStatement(verifyDeps(), code.toLowerCase().replace(/-/g, ''));
    expect(statementVerification.parse(verification)).toEqual(verification);
    expect(verification).toMatchObject({ code, status: 'valid', valid: true, kind: 'rights_statement' });
    expect(verification.document).toEqual(issued.document);
  });

  it('renders the PDF in Chinese and English with the embedded Noto Sans SC font and the QR code', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const pdf = await statementPdf({ ...verifyDeps(), publicBaseUrl: BASE }, { code, lang });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
      expect(text).toMatch(/\/FontFile2 /);
      expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
      expect(text).toMatch(/\/ToUnicode /);
      expect(text).toMatch(/\/Subtype \/Image/);
      expect(pdf.length).toBeGreaterThan(10_000);
    }
  });

  it('prints the issue time on the PDF in China time, in Chinese and in English', async () => {
    const issued = await issueRightsStatement(deps(), { personId: ids.a, year: 2025 });
    expect(issued.document.issuedAt).toBe('2026-01-05T02:00:00.000Z');
    const fact = (lang: 'zh' | 'en') => presentStatement(issued.document, lang).facts[4];
    expect(fact('zh')).toEqual(['出具时间', '2026-01-05 10:00（北京时间）']);
    expect(fact('en')).toEqual(['Issued at', '2026-01-05 10:00 (China time, UTC+8)']);
    // Months not paid in full include months not yet due: "unpaid", not "in arrears" (docs/RULES.md 6.3).
    expect(presentStatement(issued.document, 'zh').sections[1]!.columns).toContain('未缴清月数');
  });

  it('issues a contribution certificate over the whole record, the gaps named', async () => {
    const issued = await issueContributionCertificate(deps(), { personId: ids.b });
    // The whole record runs to today (January 2026): nothing was assessed after September, so the months
    // up to December are an interruption too.
    expect(issued.document).toMatchObject({
      kind: 'contribution_certificate',
      period: { from: '2025-07', to: '2026-01' },
      gaps: ['2025-08', '2025-10', '2025-11', '2025-12'],
    });
    expect(issued.document.payers.map((span) => [span.from, span.to, span.months])).toEqual([
      ['2025-07', '2025-07', 1],
      ['2025-09', '2025-09', 1],
    ]);
    expect((await verifyStatement(verifyDeps(), issued.code)).valid).toBe(true);
  });

  it('says plainly when the stored payload was altered, and when a code is unknown', async () => {
    const db = getDb();
    const row = await db
      .selectFrom('statements')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('statements')
      .set({ payload_json: row.payload_json.replace('"owedMonths":5', '"owedMonths":0') })
      .where('code', '=', code)
      .execute();
    const altered = await verifyStatement(verifyDeps(), code);
    expect(altered).toMatchObject({ status: 'invalid', valid: false });
    expect(altered.message).toMatch(/^NOT VALID: .*altered/);
    await expect(
      statementPdf({ ...verifyDeps(), publicBaseUrl: BASE }, { code, lang: 'zh' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const unknown = await verifyStatement(verifyDeps(), 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(unknown).toMatchObject({ status: 'unknown', valid: false, document: null });
    expect(unknown.message).toMatch(/No statement was issued/);
    expect((await verifyStatement(verifyDeps(), 'not a code')).status).toBe('unknown');

    // Another agency's key does not verify this agency's statements.
    const other = loadOrCreateSigningKey(join(folder, 'other.pem'));
    await db
      .updateTable('statements')
      .set({ payload_json: row.payload_json })
      .where('code', '=', code)
      .execute();
    expect((await verifyStatement({ db, publicKey: other.publicKey, keyId: other.keyId }, code)).valid).toBe(
      false,
    );
    expect((await verifyStatement(verifyDeps(), code)).valid).toBe(true);
  });

  it('serves GET /verify/:code publicly: HTML for people, JSON on request, 404 for an unknown code', async () => {
    const server = Fastify();
    await registerVerificationRoutes(server, verifyDeps());
    try {
      const html = await server.inject({
        method: 'GET',
        url: `/verify/${code}`,
        headers: { accept: 'text/html' },
      });
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.body).toContain('有效');
      expect(html.body).toContain('社会保险个人权益记录单');
      expect(html.body).toContain(code);
      // Issued at 02:00 UTC: people read China time, in either language, never the raw ISO instant.
      expect(html.body).toContain('2026-01-05 10:00（北京时间）');
      expect(html.body).not.toContain('2026-01-05T02:00');
      // In the reader's language only: no English verdict or statement on the Chinese page, and back.
      expect(html.body).not.toContain('Social Insurance Personal Rights Statement');
      expect(html.body).not.toContain('Valid: this statement');
      const english = await server.inject({
        method: 'GET',
        url: `/verify/${code}`,
        headers: { accept: 'text/html', 'accept-language': 'en-US,en;q=0.9' },
      });
      expect(english.body).toContain('Social Insurance Personal Rights Statement');
      expect(english.body).toContain('Valid: this statement');
      expect(english.body).not.toContain('社会保险个人权益记录单');
      expect(english.body).toContain('2026-01-05 10:00 (China time, UTC+8)');
      const chosen = await server.inject({ method: 'GET', url: `/verify/${code}?lang=en` });
      expect(chosen.body).toContain('<html lang="en">');

      const json = await server.inject({
        method: 'GET',
        url: `/verify/${code}`,
        headers: { accept: 'application/json' },
      });
      expect(json.statusCode).toBe(200);
      expect(json.json()).toMatchObject({ code, status: 'valid', valid: true });

      const unknown = await server.inject({ method: 'GET', url: '/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('未找到');

      await getDb()
        .updateTable('statements')
        .set({ signature: 'A'.repeat(86) })
        .where('code', '=', code)
        .execute();
      const tampered = await server.inject({
        method: 'GET',
        url: `/verify/${code}`,
        headers: { accept: 'application/json' },
      });
      expect(tampered.json()).toMatchObject({ status: 'invalid', valid: false });
      const page = await server.inject({ method: 'GET', url: `/verify/${code}` });
      expect(page.body).toContain('无效');
      expect(page.body).toContain('未经核验');
      const pageEn = await server.inject({ method: 'GET', url: `/verify/${code}?lang=en` });
      expect(pageEn.body).toContain('NOT CERTIFIED');
    } finally {
      await server.close();
    }
  });
});
