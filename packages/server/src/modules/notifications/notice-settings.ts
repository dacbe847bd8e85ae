import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { fromZodError } from '../../errors/index.ts';
import { selectContact, upsertContact } from './contacts.repository.ts';
import type { RecipientKind } from './notice-kinds.ts';
import { noticeSettingsInput, type NoticeSettingsView } from './notifications.schemas.ts';

/**
 * A person's or an employer's channels and language (docs/RULES.md 17.2). Nothing is sent by e-mail or
 * SMS until they choose it: the inbox always holds every notice.
 */
export async function readNoticeSettings(
  db: Kysely<Database>,
  recipient: { kind: RecipientKind; id: number },
): Promise<NoticeSettingsView> {
  const row = await selectContact(db, recipient.kind, recipient.id);
  return {
    email: row?.email ?? null,
    phone: row?.phone ?? null,
    emailEnabled: row?.email_enabled === 1,
    smsEnabled: row?.sms_enabled === 1,
    language: row?.language ?? 'zh-CN',
    monthlyDetails: row?.monthly_details === 1,
    saved: row !== undefined,
  };
}

export async function saveNoticeSettings(
  db: Kysely<Database>,
  recipient: { kind: RecipientKind; id: number },
  input: unknown,
  by: string,
  at: Date,
): Promise<NoticeSettingsView> {
  const parsed = noticeSettingsInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const settings = parsed.data;
  await upsertContact(db, {
    recipient_kind: recipient.kind,
    recipient_id: recipient.id,
    email: settings.email,
    phone: settings.phone,
    email_enabled: settings.emailEnabled ? 1 : 0,
    sms_enabled: settings.smsEnabled ? 1 : 0,
    language: settings.language,
    // Only an employer tells staff their monthly details; a person's choice is always off.
    monthly_details: recipient.kind === 'employer' && settings.monthlyDetails ? 1 : 0,
    updated_by: by,
    updated_at: at.toISOString(),
  });
  return readNoticeSettings(db, recipient);
}
