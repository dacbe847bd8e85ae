import {
  chinaDateOf,
  E_CARD_TOKEN_SECONDS,
  eCardVerdict,
  effectiveCardStatus,
  IN_USE,
  maskCardNumber,
  maskPersonName,
} from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { signText, verifyText, type SigningKey } from '../statements/index.ts';
import { selectCard, selectCardsOfPersonIn } from './cards.repository.ts';
import type { CardsDeps } from './cards-deps.ts';
import type { ECardToken, ECardVerification } from './cards.schemas.ts';

/** Marks the text as an electronic card code of this format (docs/RULES.md 18.7). */
const PREFIX = 'SSC1';

interface TokenPayload {
  /** The card's id and number, the key's id, issued and expiry instants in Unix seconds. */
  c: number;
  n: string;
  k: string;
  iat: number;
  exp: number;
}

/**
 * The electronic card's code (docs/RULES.md 18.7): `SSC1.<payload>.<signature>`, the payload base64url
 * JSON of the card, its number, the key id and the code's life, signed with the agency's Ed25519 key
 * (the statements' signing key). It names no person; it lives E_CARD_TOKEN_SECONDS, and only a card in
 * use (active, not temporarily lost) gets one.
 */
export async function issueECardToken(
  deps: CardsDeps,
  personId: number,
  key: SigningKey,
): Promise<ECardToken> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const inUse = (await selectCardsOfPersonIn(deps.db, personId, IN_USE)).find(
    (card) =>
      effectiveCardStatus({ status: card.status, temporaryLossUntil: card.temporary_loss_until }, today) ===
      'active',
  );
  if (!inUse || !inUse.card_no)
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      'personId: the person has no card in use (a blocked card has no electronic code)',
      {
        field: 'personId',
        detailCode: 'card-not-in-use',
      },
    );
  const iat = Math.floor(now.getTime() / 1000);
  const payload: TokenPayload = {
    c: Number(inUse.id),
    n: inUse.card_no,
    k: key.keyId,
    iat,
    exp: iat + E_CARD_TOKEN_SECONDS,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return {
    token: `${PREFIX}.${body}.${signText(key, `${PREFIX}.${body}`)}`,
    issuedAt: new Date(iat * 1000).toISOString(),
    expiresAt: new Date(payload.exp * 1000).toISOString(),
    cardNumberMasked: maskCardNumber(inUse.card_no),
  };
}

function parsePayload(text: string): TokenPayload | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<TokenPayload>;
    if (
      typeof value.c === 'number' &&
      typeof value.n === 'string' &&
      typeof value.k === 'string' &&
      Number.isSafeInteger(value.iat) &&
      Number.isSafeInteger(value.exp)
    )
      return value as TokenPayload;
  } catch {
    // Not base64url JSON: malformed below.
  }
  return null;
}

/**
 * Verifies a code online for an institution or a counter (docs/RULES.md 18.7): the signature under the
 * agency's key, the expiry, and the card's status today. The answer says only what the verifier needs:
 * valid or the reason, the masked name and card number; nothing of a forged or malformed code.
 */
export async function verifyECardToken(
  deps: CardsDeps,
  token: string,
  key: SigningKey,
): Promise<{ verification: ECardVerification; personId: number | null }> {
  const now = deps.clock.now();
  const checkedAt = now.toISOString();
  const refuse = (reason: 'forged' | 'malformed'): { verification: ECardVerification; personId: null } => ({
    verification: {
      valid: false,
      reason,
      nameMasked: null,
      cardNumberMasked: null,
      expiresAt: null,
      checkedAt,
    },
    personId: null,
  });
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return refuse('malformed');
  const payload = parsePayload(parts[1]!);
  if (!payload) return refuse('malformed');
  if (payload.k !== key.keyId || !verifyText(key.publicKey, `${PREFIX}.${parts[1]}`, parts[2]!))
    return refuse('forged');
  const card = await selectCard(deps.db, payload.c);
  const known = card && card.card_no === payload.n ? card : undefined;
  const status = known
    ? effectiveCardStatus(
        { status: known.status, temporaryLossUntil: known.temporary_loss_until },
        chinaDateOf(now),
      )
    : null;
  const verdict = eCardVerdict(
    { signatureValid: true, issuedAtSeconds: payload.iat, expiresAtSeconds: payload.exp, cardStatus: status },
    Math.floor(now.getTime() / 1000),
  );
  const name = known ? (await deps.persons.getPerson(Number(known.person_id))).name : null;
  return {
    verification: {
      valid: verdict.valid,
      reason: verdict.valid ? null : verdict.reason,
      nameMasked: name === null ? null : maskPersonName(name),
      cardNumberMasked: known ? maskCardNumber(payload.n) : null,
      expiresAt: new Date(payload.exp * 1000).toISOString(),
      checkedAt,
    },
    personId: known ? Number(known.person_id) : null,
  };
}
