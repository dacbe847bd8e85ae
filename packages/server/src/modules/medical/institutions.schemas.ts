import { CLAIM_KINDS } from '@shebao/domain';
import { z } from 'zod';

/** Designated institutions, pharmacies and their service agreements (docs/RULES.md 16.1). */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');
const regionCode = z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code');

export const newInstitutionInput = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{6,20}$/, 'must be 6 to 20 capital letters and digits'),
    name: z.string().trim().min(2, 'give the institution’s name').max(200),
    kind: z.enum(['hospital', 'clinic', 'pharmacy']),
    /** 1, 2 or 3 for a hospital or clinic; none for a pharmacy. */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    category: z.string().trim().min(2, 'say what kind of institution it is').max(100),
    regionCode,
    address: z.string().trim().min(2, 'give the address').max(300),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'pharmacy' && value.level !== undefined)
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'a pharmacy has no level' });
    if (value.kind !== 'pharmacy' && value.level === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'a hospital or clinic gives its level (1, 2 or 3)',
      });
  });
export type NewInstitutionInput = z.output<typeof newInstitutionInput>;

export const newAgreementInput = z.strictObject({
  agreementNo: z.string().trim().min(4, 'give the agreement’s number').max(64),
  validFrom: date,
  validTo: date,
  /** The claim kinds the agreement covers. */
  scope: z.array(z.enum(CLAIM_KINDS)).min(1, 'the agreement covers at least one kind of claim'),
  /** Days after a month's end within which the agency pays the month's statement. */
  paymentDays: z.number().int().min(1).max(90).default(30),
});
export type NewAgreementInput = z.output<typeof newAgreementInput>;

export const agreementStandingInput = z.strictObject({
  status: z.enum(['active', 'suspended', 'terminated']),
  from: date,
  /** The last day of a suspension. */
  until: date.optional(),
  reason: z.string().trim().min(2, 'give the reason').max(500),
  /** The legal basis, e.g. "MFR Art. 40". */
  source: z.string().trim().max(200).optional(),
});
export type AgreementStandingInput = z.output<typeof agreementStandingInput>;

const agreementView = z.object({
  id: z.number().int(),
  agreementNo: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  scope: z.array(z.enum(CLAIM_KINDS)),
  paymentDays: z.number().int(),
  status: z.enum(['active', 'suspended', 'terminated']),
  statusFrom: z.string(),
  statusUntil: z.string().nullable(),
  statusReason: z.string().nullable(),
  statusSource: z.string().nullable(),
  history: z.array(
    z.object({
      status: z.enum(['active', 'suspended', 'terminated']),
      from: z.string(),
      until: z.string().nullable(),
      reason: z.string(),
      source: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
});

export const institutionView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['hospital', 'clinic', 'pharmacy']),
  level: z.number().int().nullable(),
  category: z.string(),
  regionCode: z.string(),
  address: z.string(),
  /** Whether a claim of some kind may be settled today under an agreement. */
  settlingToday: z.boolean(),
  agreements: z.array(agreementView),
});
export type InstitutionView = z.infer<typeof institutionView>;
