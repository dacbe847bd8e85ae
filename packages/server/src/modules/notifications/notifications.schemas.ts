import { z } from 'zod';
import { NOTICE_KINDS, NOTICE_LANGUAGES } from './notice-kinds.ts';

/** Notices, their settings and the runs that send to a whole region (docs/RULES.md 17.2, 17.5). */

const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'must be a mainland mobile number of 11 digits starting with 1');

export const noticeSettingsInput = z
  .strictObject({
    email: z.email('must be an e-mail address').max(254).nullable(),
    phone: mobile.nullable(),
    emailEnabled: z.boolean(),
    smsEnabled: z.boolean(),
    language: z.enum(NOTICE_LANGUAGES),
    /** An employer's choice to have Shebao tell its staff their monthly details (SIL Art. 60). */
    monthlyDetails: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.emailEnabled && !value.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'give the e-mail address to be told on' });
    if (value.smsEnabled && !value.phone)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give the mobile number to be told on' });
  });
export type NoticeSettingsInput = z.output<typeof noticeSettingsInput>;

export const noticeSettingsView = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  emailEnabled: z.boolean(),
  smsEnabled: z.boolean(),
  language: z.enum(NOTICE_LANGUAGES),
  monthlyDetails: z.boolean(),
  /** False until the person or employer saves settings: notices then reach the inbox only. */
  saved: z.boolean(),
});
export type NoticeSettingsView = z.output<typeof noticeSettingsView>;

const deliveryView = z.object({
  channel: z.enum(['email', 'sms']),
  /** The address, masked. */
  address: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const noticeView = z.object({
  id: z.number().int(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  deliveries: z.array(deliveryView),
});
export type NoticeView = z.output<typeof noticeView>;

export const inboxView = z.object({
  notices: z.array(noticeView),
  unread: z.number().int(),
  /** Pass as `beforeId` for the next page; null on the last. */
  nextBeforeId: z.number().int().nullable(),
});
export type InboxView = z.output<typeof inboxView>;

export const inboxQuery = z.strictObject({
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(NOTICE_LANGUAGES).optional(),
});

export const NOTICE_RUN_KINDS = ['yearly-statement', 'monthly-details'] as const;

export const noticeRunInput = z.strictObject({
  kind: z.enum(NOTICE_RUN_KINDS),
  regionCode: z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code'),
  /** YYYY for the yearly statement, YYYY-MM for the monthly details and unpaid months. */
  period: z.string().regex(/^\d{4}(-\d{2})?$/, 'must be a year YYYY or a month YYYY-MM'),
});
export type NoticeRunInput = z.output<typeof noticeRunInput>;

export const noticeRunView = z.object({
  id: z.number().int(),
  kind: z.enum(NOTICE_RUN_KINDS),
  regionCode: z.string(),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  total: z.number().int(),
  done: z.number().int(),
  enqueued: z.number().int(),
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type NoticeRunView = z.output<typeof noticeRunView>;

export const deliveryOverview = z.object({
  byStatus: z.array(
    z.object({ channel: z.enum(['email', 'sms']), status: z.string(), count: z.number().int() }),
  ),
  failed: z.array(
    z.object({
      deliveryId: z.number().int(),
      channel: z.enum(['email', 'sms']),
      kind: z.string(),
      recipientKind: z.enum(['person', 'employer']),
      recipientId: z.number().int(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  runs: z.array(noticeRunView),
});
export type DeliveryOverview = z.output<typeof deliveryOverview>;
