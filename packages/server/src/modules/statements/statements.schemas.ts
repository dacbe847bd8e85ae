import { INSURANCES, isPeriod } from '@shebao/domain';
import { z } from 'zod';
import { notAfter, type CrossFieldRule } from '../../http/cross-field-rules.ts';
import { periodText } from '../../http/shared.schemas.ts';

/** Shapes of signed statements (SIL Arts. 4 and 74): what is certified, issuing, verifying. */

export const STATEMENT_KINDS = ['rights_statement', 'contribution_certificate'] as const;
export type StatementKindName = (typeof STATEMENT_KINDS)[number];
export const STATEMENT_LANGUAGES = ['zh', 'en'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];
export const STATEMENT_SCHEMA = 'shebao.statement/1';

const fen = z.number().int();
const period = z.string().trim().refine(isPeriod, 'must be a month in the form YYYY-MM');

export const accountSummary = z.object({
  openingFen: fen,
  contributionsFen: fen,
  interestFen: fen,
  /** Spent on medical claims (absent from statements issued before the medical side existed: none then). */
  spentFen: fen.optional(),
  closingFen: fen,
});

/** Consecutive months with one payer. */
export const payerSpan = z.object({
  /** The employer's name; null for months paid by the person as a flexible worker. */
  employerName: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  months: z.number().int(),
  employerFen: fen,
  employeeFen: fen,
  /** Months of the span not paid in full. */
  owedMonths: z.number().int(),
});

/**
 * The certified document: exactly this, as canonical JSON, is signed. It names the person only by name
 * and masked identity number, so a verification page shows no more than the paper does.
 */
export const statementDocument = z.object({
  schema: z.literal(STATEMENT_SCHEMA),
  kind: z.enum(STATEMENT_KINDS),
  code: z.string(),
  issuedAt: z.string(),
  keyId: z.string(),
  subject: z.object({ name: z.string(), idNumberMasked: z.string(), regionCode: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  contributionMonths: z.array(
    z.object({
      insurance: z.enum(INSURANCES),
      inPeriod: z.number().int(),
      cumulative: z.number().int(),
      cumulativePaid: z.number().int(),
    }),
  ),
  amounts: z.object({ employerFen: fen, employeeFen: fen, totalFen: fen, owedMonths: z.number().int() }),
  payers: z.array(payerSpan),
  accounts: z.object({ pension: accountSummary, medical: accountSummary }),
  gaps: z.array(z.string()),
  overlaps: z.array(z.string()),
});
export type StatementDocument = z.infer<typeof statementDocument>;

export const issueRightsStatementInput = z.object({
  personId: z.number().int('must be a whole number').positive('must be a positive id'),
  year: z.number().int('must be a whole number').min(1990).max(2200),
});
export type IssueRightsStatementInput = z.input<typeof issueRightsStatementInput>;

export const issueCertificateInput = z
  .object({
    personId: z.number().int('must be a whole number').positive('must be a positive id'),
    /** By default the whole record, from the first month to the last. */
    from: period.optional(),
    to: period.optional(),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'must not be after to',
    path: ['from'],
  });
export type IssueCertificateInput = z.input<typeof issueCertificateInput>;

export const issuedStatement = z.object({
  code: z.string(),
  kind: z.enum(STATEMENT_KINDS),
  /** `<public base url>/verify/<code>`: printed and in the QR code. */
  verifyUrl: z.string(),
  document: statementDocument,
  /** The exact signed text. */
  payloadJson: z.string(),
  signature: z.string(),
  keyId: z.string(),
  issuedAt: z.string(),
});
export type IssuedStatement = z.infer<typeof issuedStatement>;

export const VERIFICATION_STATUSES = ['valid', 'invalid', 'unknown'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** The answer of GET /verify/<code> and `shebao statement verify`. */
export const statementVerification = z.object({
  code: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  /** True only when the stored document's signature holds under the configured public key. */
  valid: z.boolean(),
  /** One plain sentence saying what was found. */
  message: z.string(),
  kind: z.enum(STATEMENT_KINDS).nullable(),
  issuedAt: z.string().nullable(),
  keyId: z.string().nullable(),
  /** What the record says was certified; when status is 'invalid' it is NOT certified by the signature. */
  document: statementDocument.nullable(),
});
export type StatementVerification = z.infer<typeof statementVerification>;

/** The body of POST /api/persons/:personId/statements. */
export const issueStatementBody = z
  .strictObject({
    /** rights: the yearly rights statement (SIL Art. 74); certificate: contributions over a range (Art. 4). */
    kind: z.enum(['rights', 'certificate']),
    year: z.number().int('must be a whole number').min(1990).max(2200).optional(),
    from: periodText.optional(),
    to: periodText.optional(),
  })
  .refine((body) => body.kind !== 'rights' || (body.year !== undefined && !body.from && !body.to), {
    message: 'a rights statement is for one year: give year, not from/to',
    path: ['year'],
  })
  .refine((body) => body.kind !== 'certificate' || body.year === undefined, {
    message: 'a certificate covers from/to (by default the whole record), not a year',
    path: ['year'],
  })
  .refine((body) => !body.from || !body.to || body.from <= body.to, {
    message: 'must not be after to',
    path: ['from'],
  });

/** The body's rules across fields, in the OpenAPI document (http/cross-field-rules.ts). */
export const STATEMENT_RULES: CrossFieldRule[] = [
  {
    in: 'body',
    field: 'year',
    rule: 'kind "rights": year is required and from/to are not allowed; kind "certificate": year is not allowed',
    jsonSchema: {
      if: { properties: { kind: { const: 'rights' } }, required: ['kind'] },
      then: { required: ['year'], not: { anyOf: [{ required: ['from'] }, { required: ['to'] }] } },
      else: { not: { required: ['year'] } },
    },
  },
  notAfter('body', 'from', 'to'),
];

/** GET /api/statements/public-key. */
export const publicKeyReply = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  publicKeyPem: z.string(),
});

/** The path of GET /api/statements/:code.pdf and its query. */
export const statementPdfParams = z.strictObject({
  code: z.string().regex(/^[0-9A-Za-z-]{16,19}$/, 'is not a verification code'),
});
export const statementPdfQuery = z.strictObject({ lang: z.enum(STATEMENT_LANGUAGES).optional() });
