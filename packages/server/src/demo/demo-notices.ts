import { addMonths, chinaDateOf } from '@shebao/domain';
import type { App } from '../app/index.ts';
import { runNoticeBatch } from '../modules/notifications/index.ts';

const DEMO_REGION = '110000';

/**
 * Notices in the demo (docs/RULES.md 17.2, 17.5): the demo persons' and the first employer's channels and
 * languages, and last month's details told to the staff of that employer, which chose it. The payments,
 * benefit decisions and card events of the demo have told people already, as they do at an agency; with
 * no mail server or SMS gateway configured, the e-mails and texts wait in the outbox and the inboxes show
 * everything. The yearly statement is left for the staff to send from their notices page.
 */
export async function loadDemoNotices(app: App): Promise<void> {
  const db = app.database.db;
  // The payments' events become their notices, as the server's worker would make them within seconds.
  await app.notifications.deliver();
  const persons = await db
    .selectFrom('users')
    .select(['person_id'])
    .where('kind', '=', 'person')
    .where('person_id', 'is not', null)
    .orderBy('id')
    .execute();
  const choices = [
    {
      email: 'zhang.demo@example.cn',
      phone: '13800138000',
      emailEnabled: true,
      smsEnabled: true,
      language: 'zh-CN',
    },
    { email: 'li.demo@example.cn', phone: null, emailEnabled: true, smsEnabled: false, language: 'en' },
  ] as const;
  for (const [index, row] of persons.slice(0, choices.length).entries())
    await app.notifications.saveSettings(
      { kind: 'person', id: Number(row.person_id) },
      choices[index],
      'demo',
    );
  const employer = await db.selectFrom('employers').select(['id']).orderBy('id').limit(1).executeTakeFirst();
  if (!employer) return;
  await app.notifications.saveSettings(
    { kind: 'employer', id: Number(employer.id) },
    {
      email: 'hr.demo@example.cn',
      phone: null,
      emailEnabled: true,
      smsEnabled: false,
      language: 'zh-CN',
      monthlyDetails: true,
    },
    'demo',
  );
  const lastMonth = addMonths(chinaDateOf(app.clock.now()).slice(0, 7), -1);
  await runNoticeBatch(
    { db, clock: app.clock },
    { kind: 'monthly-details', regionCode: DEMO_REGION, period: lastMonth },
    'demo',
  );
}
