import { addBenefitOfficers, collectAndPayMonths } from '../../testing/benefit-fixtures.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../auth/index.ts';
import { describeEachServer } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import type { Actor } from './index.ts';

/** The smallest valid PDF header is enough: the type is judged by its first bytes (docs/RULES.md 14.3). */
const PDF = Buffer.from('%PDF-1.4\n% deemed service certificate\n');
const staffActor: Actor = { login: 'staff:officer1', side: 'staff' };

describeEachServer(
  'a pension application from filing to award',
  (get) => {
    let personId = 0;
    const officers: Principal[] = [];

    beforeAll(async () => {
      const { app, db } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110000',
        cycleStart: '2024-07',
        employers: [{ employees: [{ wageFen: 1_000_000, hiredOn: '2024-07-01' }] }],
        declaredMonths: { from: '2024-07', to: '2025-12' },
      });
      personId = fixture.personIds[0]![0]!;
      const employerId = fixture.employerIds[0]!;
      // A man born in June 1965 retires at 60 years 2 months, in 2025-08 (docs/RULES.md 4.10).
      await db
        .updateTable('persons')
        .set({ birth_date: '1965-06-15', sex: 'male' })
        .where('id', '=', personId)
        .execute();
      // For a short test history the region asks 12 months (the national minimum is 180: docs/RULES.md 4.12).
      await app.policy.addVersion(
        {
          name: 'pension.minContributionMonths',
          regionCode: '110000',
          insurance: null,
          party: null,
          category: null,
          validFrom: '2025-01',
          validTo: null,
          value: 12,
          source: 'test: a short history',
        },
        'test',
      );
      // Twelve months assessed and paid on time: 2024-07 to 2025-06 on a base of 10,000 yuan.
      await collectAndPayMonths(app, { employerId, from: '2024-07', to: '2025-06' });
      officers.push(...(await addBenefitOfficers(app, ['officer1', 'officer2'])));
    });

    it('files with the clock in force, pauses it for material, and awards from the record after a second approval', async () => {
      const { app, db } = get();
      const filed = await app.benefits.file(
        {
          personId,
          application: {
            kind: 'pension',
            facts: { payee: { kind: 'bank', account: '6222020200112233445' }, deemedMonthsClaimed: 24 },
          },
        },
        { login: `person:${personId}`, side: 'person' },
      );
      // Filed on 15 July 2025 (a Tuesday), 20 working days: 16 July to 12 August.
      expect(filed).toMatchObject({
        kind: 'pension',
        state: 'under-review',
        filedOn: '2025-07-15',
        clock: { days: 20, unit: 'working-days', dueOn: '2025-08-12', usedDays: 0, overdue: false },
      });
      expect(filed.applicationNo).toMatch(/^AP20250715\d{8}$/);

      // A second open pension application is refused.
      await expect(
        app.benefits.file(
          {
            personId,
            application: { kind: 'pension', facts: { payee: { kind: 'card', account: '622202020011223' } } },
          },
          staffActor,
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT' });

      const waiting = await app.benefits.requestMaterial(
        filed.id,
        'the deemed service certificate',
        staffActor,
      );
      expect(waiting).toMatchObject({ state: 'awaiting-material', clock: { paused: true, dueOn: null } });
      const withDocument = await app.benefits.addDocument(
        filed.id,
        { kind: 'deemed-service', fileName: 'certificate.pdf', mediaType: 'application/pdf', bytes: PDF },
        { login: `person:${personId}`, side: 'person' },
      );
      const document = withDocument.documents[0]!;
      expect(document).toMatchObject({
        kind: 'deemed-service',
        sizeBytes: PDF.length,
        mediaType: 'application/pdf',
      });
      expect((await app.benefits.readDocument(filed.id, document.id)).bytes.equals(PDF)).toBe(true);
      await app.benefits.recordMaterialReceived(filed.id, 'certificate received', staffActor);

      // Without the deemed months: 12 months at 10,000 / 11,761 = 0.850268; basic 12,049 × 1.850268 / 2 × 1 × 1%
      // = 111.47; account 12 × 800 = 9,600 / 139 = 69.06 (age 60); 180.53 a month.
      const plain = await app.benefits.assessPension(filed.id);
      expect(plain.outcome).toMatchObject({
        eligible: true,
        startMonth: '2025-08',
        contributionMonths: 12,
        pension: { basicFen: 11_147, accountFen: 6_906, totalFen: 18_053 },
      });
      expect(plain.inputs).toMatchObject({
        accountBalanceFen: 960_000,
        calcBaseFen: 1_204_900,
        recordMonths: 12,
      });

      // Deemed months need their evidence.
      await expect(
        app.workflows.proposeBenefitAward(app, filed.id, { deemedMonths: 24 }, officers[0]!),
      ).rejects.toMatchObject({ field: 'evidenceDocumentIds' });
      const propose = () =>
        app.workflows.proposeBenefitAward(
          app,
          filed.id,
          { deemedMonths: 24, evidenceDocumentIds: [document.id] },
          officers[0]!,
        );
      // A rejected proposal, on the approvals page as here, sends the application back to review.
      const first = await propose();
      expect((await app.benefits.get(filed.id)).state).toBe('proposed');
      await app.approvals.reject(first.approval.id, officers[1]!, 'check the certificate again');
      const back = await app.benefits.get(filed.id);
      expect(back.state).toBe('under-review');
      expect(back.events.at(-1)).toMatchObject({ kind: 'proposal-rejected', byLogin: 'staff:officer2' });

      const { approval } = await propose();
      // The proposer cannot approve their own proposal.
      await expect(
        app.workflows.decideBenefitAward(app, filed.id, { approve: true }, officers[0]!),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await app.workflows.decideBenefitAward(app, filed.id, { approve: true }, officers[1]!);

      // With 24 deemed months N = 36: basic 12,049 × 1.850268 / 2 × 3 × 1% = 334.41; 334.41 + 69.06 = 403.47.
      const decided = await app.benefits.get(filed.id);
      expect(decided).toMatchObject({
        state: 'decided',
        decision: { kind: 'award' },
        approvalId: approval.id,
      });
      const [award] = await app.benefits.awardsOf(personId);
      expect(award).toMatchObject({
        version: 1,
        monthlyFen: 40_347,
        validFrom: '2025-08',
        payee: { kind: 'bank', accountMasked: '****3445' },
        proposedBy: 'staff:officer1',
        approvedBy: 'staff:officer2',
      });
      expect(Object.keys(award!.explanation)).toEqual(
        expect.arrayContaining(['eligibility', 'averageIndex', 'basic', 'account', 'transitional', 'total']),
      );
      // The award is append-only: a correction is a new version, never an edit.
      await expect(db.updateTable('benefit_awards').set({ monthly_fen: 1 }).execute()).rejects.toThrow(
        /append-only/,
      );
      // A decided application takes no more documents.
      await expect(
        app.benefits.addDocument(
          filed.id,
          { kind: 'evidence', fileName: 'late.pdf', mediaType: 'application/pdf', bytes: PDF },
          staffActor,
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('refuses an early start not chosen three months ahead, naming the field (docs/RULES.md 4.11)', async () => {
      const { app } = get();
      // Filed on 15 July 2025 for a start in July, before the statutory 2025-08: too soon.
      await expect(
        app.benefits.file(
          {
            personId,
            application: {
              kind: 'pension',
              facts: { payee: { kind: 'bank', account: '6222020200112233445' }, chosenMonth: '2025-07' },
            },
          },
          staffActor,
        ),
      ).rejects.toMatchObject({ field: 'facts.chosenMonth', detailCode: 'early-retirement-notice' });
    });

    it('refuses a file that is not what it claims, names the field, and writes nothing', async () => {
      const { app } = get();
      const filed = await app.benefits.file(
        {
          personId,
          application: {
            kind: 'record-correction',
            facts: { what: 'missing-month', periods: ['2024-06'], description: 'worked in June 2024' },
          },
        },
        staffActor,
      );
      expect(filed.clock).toMatchObject({ days: 15, unit: 'working-days', dueOn: '2025-08-05' });
      await expect(
        app.benefits.addDocument(
          filed.id,
          { kind: 'evidence', fileName: 'payslip.png', mediaType: 'image/png', bytes: PDF },
          staffActor,
        ),
      ).rejects.toMatchObject({ detailCode: 'document-content-mismatch' });
      expect((await app.benefits.get(filed.id)).documents).toEqual([]);
      const refused = await app.benefits.refuse(
        filed.id,
        [{ code: 'no-employment', message: 'No employment is recorded for June 2024.', source: 'PRRM' }],
        staffActor,
      );
      expect(refused).toMatchObject({ state: 'decided', decision: { kind: 'refusal' } });
      await expect(app.benefits.withdraw(filed.id, staffActor)).rejects.toMatchObject({
        detailCode: 'application-state',
      });
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);
