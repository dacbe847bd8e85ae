import { CARD_EVENTS, CARD_STATUSES, FEE_EXEMPTIONS } from '@shebao/domain';
import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';

/** The request and reply shapes of the card routes (docs/RULES.md 18.2). */

const photo = z
  .string()
  .min(1)
  .max(1_500_000)
  .describe('The photo, JPEG or PNG, as base64 (its type is read from its bytes, at most 1 MiB)');
const dispatchFields = {
  dispatch: z.enum(['branch', 'mail']).describe('Collect the card at a branch, or have it mailed'),
  branchName: z.string().trim().min(1).max(100).optional().describe('The branch, when collected there'),
  mailAddress: z.string().trim().min(5).max(300).optional().describe('The address, when mailed'),
};

export const cardApplicationInput = z.strictObject({
  photo,
  generation: z.literal(3).optional().describe('Cards are issued in the third generation'),
  ...dispatchFields,
});
export type CardApplicationInput = z.infer<typeof cardApplicationInput>;

export const cardReplacementInput = z.strictObject({
  reason: z.enum(['lost', 'damaged', 'upgrade']),
  photo,
  exemption: z.enum(FEE_EXEMPTIONS).optional().describe('Fee waived: checked at the counter, so staff only'),
  exemptionEvidence: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('The certificate seen (subsistence-allowance or disability certificate number)'),
  ...dispatchFields,
});
export type CardReplacementInput = z.infer<typeof cardReplacementInput>;

export const employerCardApplicationsInput = z.strictObject({
  branchName: z.string().trim().min(1).max(100).describe('Where the employer collects the cards'),
  rows: z
    .array(
      z.strictObject({
        idNumber: z.string().trim().min(1).max(30),
        name: z.string().trim().min(1).max(60),
        photo,
      }),
    )
    .min(1)
    .max(200),
});
export type EmployerCardApplicationsInput = z.infer<typeof employerCardApplicationsInput>;

export const employerApplicationResult = z.object({
  line: z.number().int(),
  idNumberMasked: z.string(),
  personId: z.number().int().nullable(),
  outcome: z.enum(['applied', 'already-applied', 'refused']),
  cardId: z.number().int().nullable(),
  field: z.string().nullable(),
  reason: z.string().nullable(),
});

export const cardDecisionInput = z
  .strictObject({
    approve: z.boolean(),
    reason: z.string().trim().min(1).max(500).optional().describe('Why the application is refused'),
  })
  .describe('Approve the application, or refuse it with the reason');
export type CardDecisionInput = z.infer<typeof cardDecisionInput>;

export const temporaryLossInput = z.strictObject({
  channel: z
    .enum(['phone', 'app', 'branch'])
    .describe('Where the loss was reported: 12333 by phone, the app, a branch'),
});
export const cancellationInput = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Why the card or application is cancelled'),
});
export const dispatchInput = z.strictObject({
  trackingNo: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('The postal tracking number of a mailed card'),
});
export const paymentCardInput = z.strictObject({ cardId: z.number().int().positive() });

export const cardEventView = z.object({
  event: z.enum(CARD_EVENTS),
  onDate: z.string(),
  channel: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const cardView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  cardNumber: z.string().nullable(),
  cardNumberMasked: z.string().nullable(),
  regionCode: z.string(),
  generation: z.number().int(),
  status: z.enum(CARD_STATUSES).describe('As recorded'),
  effectiveStatus: z.enum(CARD_STATUSES).describe('Today: a temporary loss past its last day reads active'),
  reason: z.enum(['first', 'lost', 'damaged', 'upgrade']),
  replacesCardId: z.number().int().nullable(),
  channel: z.enum(['online', 'employer', 'counter']),
  appliedOn: z.string(),
  dueOn: z.string().describe('The day the card is promised ready (the production clock)'),
  overdue: z.boolean().describe('Not ready yet (applied, approved or at the bank) and past its due day'),
  clock: z.object({ days: z.number().int(), unit: z.string(), source: z.string() }),
  feeFen: z.number().int(),
  feeExemption: z.enum(FEE_EXEMPTIONS).nullable(),
  feeExplanation: z.object({
    rule: z.string(),
    formula: z.string(),
    inputs: z.record(z.string(), z.string()),
    sources: z.array(z.string()),
  }),
  dispatch: z.enum(['branch', 'mail']),
  branchName: z.string().nullable(),
  mailAddress: z.string().nullable(),
  refusalReason: z.string().nullable(),
  batchId: z.number().int().nullable(),
  bankCode: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  producedOn: z.string().nullable(),
  collectedOn: z.string().nullable(),
  temporaryLossUntil: z.string().nullable(),
  paymentCard: z.boolean().describe('Pensions and unemployment benefits are paid to this card'),
  events: z.array(cardEventView),
});
export type CardView = z.infer<typeof cardView>;

export const cardQueueItem = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  status: z.enum(CARD_STATUSES),
  reason: z.enum(['first', 'lost', 'damaged', 'upgrade']),
  channel: z.enum(['online', 'employer', 'counter']),
  appliedOn: z.string(),
  dueOn: z.string(),
  cardNumberMasked: z.string().nullable(),
});
export type CardQueueItem = z.infer<typeof cardQueueItem>;

export const productionBatchInput = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 region code'),
  bankCode: z
    .string()
    .regex(/^[A-Z0-9]{2,12}$/, 'must be the card bank’s code, 2 to 12 capitals or digits')
    .describe('The card bank that produces the batch (e.g. ICBC)'),
});
export const batchView = z.object({
  id: z.number().int(),
  batchNo: z.string(),
  regionCode: z.string(),
  bankCode: z.string(),
  cards: z.number().int(),
  fileName: z.string(),
  fileSha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type BatchView = z.infer<typeof batchView>;

export const bankReturnSummary = z.object({
  batchId: z.number().int(),
  fileSha256: z.string(),
  replayed: z.boolean().describe('The same file was imported before: nothing changed'),
  rows: z.number().int(),
  produced: z.number().int(),
  already: z.number().int().describe('Rows of cards produced before with the same account'),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), reason: z.string() })),
});
export type BankReturnSummary = z.infer<typeof bankReturnSummary>;

export const eCardToken = z.object({
  token: z.string().describe('The signed code the app shows as a QR code'),
  issuedAt: z.string(),
  expiresAt: z.string(),
  cardNumberMasked: z.string(),
});
export type ECardToken = z.infer<typeof eCardToken>;

export const eCardVerification = z.object({
  valid: z.boolean(),
  reason: z
    .enum([
      'expired',
      'not-yet-valid',
      'forged',
      'malformed',
      'unknown-card',
      'card-blocked',
      'card-not-in-use',
    ])
    .nullable(),
  nameMasked: z.string().nullable(),
  cardNumberMasked: z.string().nullable(),
  expiresAt: z.string().nullable(),
  checkedAt: z.string(),
});
export type ECardVerification = z.infer<typeof eCardVerification>;

export const eCardVerifyInput = z.strictObject({ token: z.string().min(1).max(2000) });

export const onDateInput = z.strictObject({ onDate: businessDate.optional() });
