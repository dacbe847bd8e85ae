import { validateResidentId } from '@shebao/domain';
import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';

const idNumber = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    const result = validateResidentId(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: 'is not a valid resident identity number' });
  })
  .transform((text) => {
    const result = validateResidentId(text);
    return result.ok ? result.id : text;
  });
const bankAccount = z
  .string()
  .trim()
  .regex(/^\d{12,30}$/, 'must be the 12 to 30 digits of the account');
const personName = z.string().trim().min(1, 'give the name').max(50);

export const amountWithExplanation = z.object({
  amountFen: z.number().int(),
  explanation: z.object({
    rule: z.string(),
    formula: z.string(),
    inputs: z.record(z.string(), z.string()),
    sources: z.array(z.string()),
  }),
});

export const HEIR_RELATIONS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other',
] as const;

/** An heir's share: a fraction of the whole, or a number of parts (docs/RULES.md 14.10). */
export const heirShare = z.union([
  z.strictObject({
    numerator: z.number().int('must be a whole number').min(1).max(1000),
    denominator: z.number().int('must be a whole number').min(1).max(1000),
  }),
  z.strictObject({ parts: z.number().int('must be a whole number').min(1).max(1000) }),
]);

export const heir = z.strictObject({
  name: personName,
  idNumber,
  relation: z.enum(HEIR_RELATIONS),
  bankAccount,
  share: heirShare,
});
export type HeirInput = z.infer<typeof heir>;

/** Who receives the funeral grant: one of the heirs (by position), or another person who paid for it. */
export const funeralPayee = z.union([
  z.strictObject({ heirIndex: z.number().int().min(0).max(19) }),
  z.strictObject({ name: personName, idNumber, bankAccount }),
]);
export type FuneralPayee = z.infer<typeof funeralPayee>;

export const REPORT_SOURCES = ['relative', 'data-match', 'staff'] as const;

const reportFields = z.strictObject({
  dateOfDeath: businessDate,
  reportedBy: z.enum(REPORT_SOURCES),
  reporterName: personName.optional(),
  heirs: z.array(heir).min(1, 'name at least one heir').max(20),
  funeralPayee,
  documentSha256: z
    .array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex'))
    .max(10)
    .optional(),
  note: z.string().trim().max(1000).optional(),
});

/**
 * A death report as staff record it (docs/RULES.md 14.10). Across fields: a relative's report names the
 * relative; every heir's share is a fraction, the fractions making exactly one, or every share is parts;
 * the funeral grant goes to an heir named in the list.
 */
export const deathReportInput = reportFields.superRefine((report, ctx) => {
  if (report.reportedBy === 'relative' && !report.reporterName)
    ctx.addIssue({ code: 'custom', path: ['reporterName'], message: 'name the relative who reported it' });
  const fractions = report.heirs.filter((h) => 'numerator' in h.share);
  if (fractions.length > 0 && fractions.length < report.heirs.length)
    ctx.addIssue({
      code: 'custom',
      path: ['heirs'],
      message: 'give every heir a fraction, or every heir a number of parts',
    });
  else if (fractions.length > 0) {
    // Exact rational sum: numerators and denominators are at most 1000, twenty heirs at most.
    let numerator = 0n;
    let denominator = 1n;
    for (const { share } of fractions) {
      const { numerator: n, denominator: d } = share as { numerator: number; denominator: number };
      numerator = numerator * BigInt(d) + BigInt(n) * denominator;
      denominator *= BigInt(d);
    }
    if (numerator !== denominator)
      ctx.addIssue({ code: 'custom', path: ['heirs'], message: 'the shares must add up to exactly one' });
  }
  if ('heirIndex' in report.funeralPayee && report.funeralPayee.heirIndex >= report.heirs.length)
    ctx.addIssue({
      code: 'custom',
      path: ['funeralPayee'],
      message: 'heirIndex must name one of the heirs listed',
    });
});
export type DeathReportInput = z.infer<typeof deathReportInput>;

export const deathReportView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  dateOfDeath: z.string(),
  /** Payment stops from this month (the month after the death). */
  stopPaymentFrom: z.string(),
  reportedBy: z.enum(REPORT_SOURCES),
  reporterName: z.string().nullable(),
  state: z.enum(['proposed', 'confirmed', 'rejected']),
  approvalId: z.number().int(),
  heirs: z.array(
    z.object({
      name: z.string(),
      idNumberMasked: z.string(),
      relation: z.enum(HEIR_RELATIONS),
      accountMasked: z.string(),
      share: heirShare,
    }),
  ),
  funeralPayee: z.object({
    name: z.string(),
    accountMasked: z.string(),
    heirIndex: z.number().int().nullable(),
  }),
  documentSha256: z.array(z.string()),
  note: z.string().nullable(),
  /** The one-time benefits as the region's standards give them (docs/RULES.md 14.10), when it has them. */
  funeralGrant: amountWithExplanation.nullable(),
  survivorsBenefit: amountWithExplanation.nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type DeathReportView = z.infer<typeof deathReportView>;

/**
 * The report in full, as the death_reports row keeps it: the heirs' identity numbers and accounts, which
 * the payroll pays. Handed to the approval's `proposed` step beside the payload, never stored in it.
 */
export const deathReportDetails = z.strictObject({
  personId: z.number().int().positive(),
  regionCode: z.string().regex(/^\d{6}$/),
  dateOfDeath: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reportedBy: z.enum(REPORT_SOURCES),
  reporterName: z.string().nullable(),
  heirs: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        idNumber: z.string().min(15),
        relation: z.enum(HEIR_RELATIONS),
        bankAccount: z.string().regex(/^\d{12,30}$/),
        share: heirShare,
      }),
    )
    .min(1),
  funeralPayee,
  documentSha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  note: z.string().nullable(),
  benefits: z.strictObject({
    funeralGrant: amountWithExplanation.nullable(),
    survivorsBenefit: amountWithExplanation.nullable(),
  }),
});
export type DeathReportDetails = z.infer<typeof deathReportDetails>;

/**
 * What a second officer approves (kind `survival.confirmDeath`), as the approvals list shows it: the report
 * with the one-time benefits worked out, identity numbers and accounts masked (docs/RULES.md 9.5).
 */
export const deathReportPayload = z.strictObject({
  personId: z.number().int().positive(),
  regionCode: z.string().regex(/^\d{6}$/),
  dateOfDeath: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reportedBy: z.enum(REPORT_SOURCES),
  reporterName: z.string().nullable(),
  heirs: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        idNumberMasked: z.string(),
        relation: z.enum(HEIR_RELATIONS),
        accountMasked: z.string(),
        share: heirShare,
      }),
    )
    .min(1),
  funeralPayee: z.strictObject({
    name: z.string(),
    accountMasked: z.string(),
    heirIndex: z.number().int().nullable(),
  }),
  documents: z.number().int().min(0),
  note: z.string().nullable(),
  benefits: z.strictObject({
    funeralGrant: amountWithExplanation.nullable(),
    survivorsBenefit: amountWithExplanation.nullable(),
  }),
});
export type DeathReportPayload = z.infer<typeof deathReportPayload>;
