import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { rightsRecord, rightsRecordForYear, type RightsRecord } from '../rights-record/index.ts';
import { buildStatementDocument } from './build-document.ts';
import { canonicalJson } from './canonical-json.ts';
import { renderStatementPdf } from './render-pdf.ts';
import { insertStatement, selectStatementByCode } from './statements.repository.ts';
import {
  issueCertificateInput,
  issueRightsStatementInput,
  statementDocument,
  type IssueCertificateInput,
  type IssuedStatement,
  type IssueRightsStatementInput,
  type StatementDocument,
  type StatementKindName,
  type StatementLanguage,
  type StatementVerification,
} from './statements.schemas.ts';
import { selectKeptPublicKeyPem } from './signing-keys.repository.ts';
import { signText, verifyText, type SigningKey } from './signing-key.ts';
import { newVerificationCode, normaliseVerificationCode } from './verification-code.ts';

export interface StatementDeps {
  db: Kysely<Database>;
  clock: Clock;
  signingKey: SigningKey;
  /** Config.publicBaseUrl: the verification address printed is `${publicBaseUrl}/verify/<code>`. */
  publicBaseUrl: string;
}

/** Verifying needs no private key: the public key (and its id) and the database. */
export interface VerificationDeps {
  db: Kysely<Database>;
  publicKey: KeyObject;
  keyId: string;
}

/** The yearly personal rights statement (SIL Art. 74; at least once a year), signed and stored. */
export async function issueRightsStatement(
  deps: StatementDeps,
  input: IssueRightsStatementInput,
): Promise<IssuedStatement> {
  const parsed = issueRightsStatementInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const record = await rightsRecordForYear(deps, parsed.data.personId, parsed.data.year);
  return issue(deps, 'rights_statement', record);
}

/** An on-demand contribution certificate (SIL Art. 4) over a range, by default the whole record. */
export async function issueContributionCertificate(
  deps: StatementDeps,
  input: IssueCertificateInput,
): Promise<IssuedStatement> {
  const parsed = issueCertificateInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const record = await rightsRecord(deps, parsed.data);
  if (record.firstPeriod === null) {
    throw new AppError(ErrorCode.NOT_FOUND, `personId: person ${parsed.data.personId} has no contributions`, {
      field: 'personId',
      detailCode: 'no-contributions',
    });
  }
  return issue(deps, 'contribution_certificate', record);
}

async function issue(
  deps: StatementDeps,
  kind: StatementKindName,
  record: RightsRecord,
): Promise<IssuedStatement> {
  const code = newVerificationCode();
  const issuedAt = deps.clock.now().toISOString();
  const document = buildStatementDocument(record, { kind, code, issuedAt, keyId: deps.signingKey.keyId });
  const payloadJson = canonicalJson(document);
  const signature = signText(deps.signingKey, payloadJson);
  await insertStatement(deps.db, {
    code,
    kind,
    person_id: record.person.personId,
    period_from: record.from,
    period_to: record.to,
    payload_json: payloadJson,
    signature,
    key_id: deps.signingKey.keyId,
    issued_at: issuedAt,
  });
  return {
    code,
    kind,
    verifyUrl: verifyUrlOf(deps.publicBaseUrl, code),
    document,
    payloadJson,
    signature,
    keyId: deps.signingKey.keyId,
    issuedAt,
  };
}

export function verifyUrlOf(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/verify/${encodeURIComponent(code)}`;
}

/**
 * What the statement with this code certifies and whether its signature holds: the signature is checked
 * against the stored text and the public key the statement names (the current key, or one kept after a
 * rotation), and the text must be the canonical form of a
 * well-formed document that names this code. Unknown and altered statements say so in `message`.
 */
export async function verifyStatement(
  deps: VerificationDeps,
  codeInput: string,
): Promise<StatementVerification> {
  const code = normaliseVerificationCode(codeInput);
  const row = code === null ? undefined : await selectStatementByCode(deps.db, code);
  if (!row) {
    return {
      code: code ?? codeInput,
      status: 'unknown',
      valid: false,
      message:
        'No statement was issued with this verification code. Check the code; a document carrying it was not issued by this agency.',
      kind: null,
      issuedAt: null,
      keyId: null,
      document: null,
    };
  }
  const document = parseDocument(row.payload_json);
  // The statement names its key: the current one, or one kept from before a rotation (signing_keys).
  const publicKey = row.key_id === deps.keyId ? deps.publicKey : await keptPublicKey(deps.db, row.key_id);
  const problem = !publicKey
    ? `it was signed with key ${row.key_id}, which this agency does not know (its key is ${deps.keyId})`
    : !verifyText(publicKey, row.payload_json, row.signature)
      ? 'its signature does not match the stored content: the record has been altered'
      : !document
        ? 'the stored content is not a well-formed statement'
        : document.code !== row.code || document.kind !== row.kind || document.keyId !== row.key_id
          ? 'the stored content belongs to another statement'
          : null;
  return {
    code: row.code,
    status: problem ? 'invalid' : 'valid',
    valid: !problem,
    message: problem
      ? `NOT VALID: this statement cannot be relied on, because ${problem}.`
      : 'Valid: this statement was issued by this agency and certifies exactly what is shown.',
    kind: row.kind,
    issuedAt: row.issued_at,
    keyId: row.key_id,
    document,
  };
}

async function keptPublicKey(db: Kysely<Database>, keyId: string): Promise<KeyObject | undefined> {
  const pem = await selectKeptPublicKeyPem(db, keyId);
  return pem === undefined ? undefined : createPublicKey(pem);
}

/** The PDF of an issued statement, rendered from what was signed; refuses one that does not verify. */
export async function statementPdf(
  deps: VerificationDeps & { publicBaseUrl: string },
  input: { code: string; lang: StatementLanguage },
): Promise<Buffer> {
  const verification = await verifyStatement(deps, input.code);
  if (verification.status === 'unknown') {
    throw new AppError(ErrorCode.NOT_FOUND, `code: no statement ${input.code}`, { field: 'code' });
  }
  if (!verification.valid || !verification.document) {
    throw new AppError(ErrorCode.CONFLICT, `code: ${verification.message}`, { field: 'code' });
  }
  const row = (await selectStatementByCode(deps.db, verification.code))!;
  return renderStatementPdf({
    document: verification.document,
    signature: row.signature,
    verifyUrl: verifyUrlOf(deps.publicBaseUrl, row.code),
    lang: input.lang,
  });
}

function parseDocument(text: string): StatementDocument | null {
  try {
    const value: unknown = JSON.parse(text);
    const parsed = statementDocument.safeParse(value);
    if (!parsed.success || canonicalJson(value) !== text) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/** The person a statement was issued to (for the access check), or undefined for an unknown code. */
export async function statementOwner(db: Kysely<Database>, codeInput: string): Promise<number | undefined> {
  const code = normaliseVerificationCode(codeInput);
  const row = code === null ? undefined : await selectStatementByCode(db, code);
  return row ? Number(row.person_id) : undefined;
}
