import { CLAIM_KINDS, ITEM_CLASSES } from '@shebao/domain';
import { z } from 'zod';

/** Request and reply shapes of claims settled with designated institutions (docs/RULES.md 16.3). */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');
const idNumber = z
  .string()
  .trim()
  .min(15, 'must be a resident identity number')
  .max(18, 'must be a resident identity number');
const fen = z.number().int('must be whole fen').min(0, 'must not be negative').max(100_000_000_000);

export const claimItemInput = z.strictObject({
  /** The item's code in the national catalogue (drug, service or material). */
  code: z.string().trim().min(1, 'give the catalogue code').max(40),
  name: z.string().trim().min(1, 'give the item’s name').max(200),
  itemClass: z.enum(ITEM_CLASSES),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).default(1),
  amountFen: fen,
  /** For a part-covered item: the share the catalogue has the person pay first (parts per million). */
  selfPaySharePpm: z.number().int().min(0).max(1_000_000).optional(),
});

export const claimInput = z.strictObject({
  /** The institution settling: an institution's own account may only name its own. */
  institutionId: z.number().int().positive(),
  /** The patient's resident identity number (the social security number, read from the card). */
  idNumber,
  kind: z.enum(CLAIM_KINDS),
  visitDate: date,
  /** An inpatient stay: the day of discharge (the visit date is the admission). */
  dischargeDate: date.optional(),
  department: z.string().trim().max(100).optional(),
  diagnosis: z.string().trim().max(200).optional(),
  items: z.array(claimItemInput).min(1, 'a claim needs at least one item').max(500),
  /** Pay what the person owes from a medical personal account, as far as its balance goes. */
  useAccount: z.boolean().default(false),
  /**
   * A close relative's account pays instead of the patient's own (GBF-2021-14): the holder's identity
   * number; the holder must be the patient's spouse, parent or child and the region must allow it.
   */
  accountHolderIdNumber: idNumber.optional(),
  accountHolderRelation: z.enum(['spouse', 'parent', 'child']).optional(),
});
export type ClaimInput = z.output<typeof claimInput>;

const yearLines = z.object({
  outpatient: z.number().int(),
  inpatient: z.number().int(),
  chronic: z.number().int(),
});

export const explanationView = z.object({
  rule: z.string(),
  formula: z.string(),
  inputs: z.record(z.string(), z.string()),
  sources: z.array(z.string()),
});

export const claimView = z.object({
  claimNo: z.string(),
  status: z.enum(['settled', 'cancelled']),
  institution: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  person: z.object({ id: z.number().int(), name: z.string(), idNumberMasked: z.string() }),
  kind: z.enum(CLAIM_KINDS),
  visitDate: z.string(),
  dischargeDate: z.string().nullable(),
  personType: z.enum(['in-service', 'retired', 'resident']),
  scheme: z.enum(['employee', 'resident']),
  line: z.string().nullable(),
  totalFen: z.number().int(),
  notCoveredFen: z.number().int(),
  partSelfPayFen: z.number().int(),
  policyRangeFen: z.number().int(),
  deductibleFen: z.number().int(),
  coinsuranceFen: z.number().int(),
  overCapFen: z.number().int(),
  pooledFen: z.number().int(),
  accountFen: z.number().int(),
  cashFen: z.number().int(),
  /** Whose account paid: the patient's own, or a relative's (masked). */
  accountHolder: z.object({ personId: z.number().int(), idNumberMasked: z.string() }).nullable(),
  /** The person's year as this claim left it: what the deductibles and the pool have taken, and the caps left. */
  year: z.object({
    year: z.number().int(),
    deductibleUsedFen: yearLines,
    pooledFen: yearLines,
    pooledTotalFen: z.number().int(),
    annualCapLeftFen: z.number().int(),
    lineCapLeftFen: z.number().int().nullable(),
  }),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      itemClass: z.enum(ITEM_CLASSES),
      quantity: z.number().int(),
      amountFen: z.number().int(),
      selfPaySharePpm: z.number().int(),
    }),
  ),
  explanation: explanationView,
  settledOn: z.string(),
  cancellation: z.object({ cancelledOn: z.string(), reason: z.string() }).nullable(),
});
export type ClaimView = z.infer<typeof claimView>;

export const cancellationInput = z.strictObject({
  reason: z.string().trim().min(2, 'say why the claim is cancelled').max(500),
});
