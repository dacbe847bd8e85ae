/**
 * What Shebao tells people and employers (docs/RULES.md 17.1). Each kind has its template in both
 * languages (notice-templates.ts); the params are the facts of the event, strings and integers only
 * (amounts in fen, dates YYYY-MM-DD), so a notice can be rendered again in any language later.
 */
export const NOTICE_KINDS = [
  // A month of contributions credited to the person's record (declared -> assessed -> paid -> credited).
  'contribution.credited',
  // A month whose bill passed its due date unpaid.
  'contribution.unpaid',
  // The voucher of a payment a flexible worker made.
  'payment.voucher',
  // What was paid for an employee in a month, told for the employer (SIL Art. 60).
  'monthly.details',
  // The employer told which of its staff the monthly details could not reach.
  'monthly.unreached',
  // The yearly rights statement (SIL Art. 74), with its verification code.
  'statement.yearly',
  // A benefit application's state or decision.
  'benefit.status',
  // The social security card's events.
  'card.status',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type RecipientKind = 'person' | 'employer';
export interface NoticeRecipient {
  kind: RecipientKind;
  id: number;
}

export type NoticeParams = Readonly<Record<string, string | number | null>>;

/** A notice to write into the outbox, in the transaction of the event it tells of. */
export interface NoticeDraft {
  recipient: NoticeRecipient;
  kind: NoticeKind;
  /** Unique per business event (e.g. `card:17:approved`): enqueueing it again writes nothing. */
  eventKey: string;
  regionCode: string;
  params: NoticeParams;
  /** Where in the web app the notice leads, app-relative (`/person/card`). */
  link?: string | null;
}

export const NOTICE_LANGUAGES = ['zh-CN', 'en'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];
export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
