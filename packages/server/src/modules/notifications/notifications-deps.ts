import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { RetryPolicy } from './backoff.ts';
import type { ChannelSender } from './channels.ts';
import type { Channel, NoticeLanguage } from './notice-kinds.ts';

/** What delivering notices needs: the database, the clock, the channels configured and their limits. */
export interface NotificationDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The channels configured; a channel missing here keeps its deliveries pending until it is. */
  channels: Partial<Record<Channel, ChannelSender>>;
  retry: RetryPolicy;
  /** At most this many messages a second per channel (docs/RULES.md 17.5). */
  perSecond: Record<Channel, number>;
  /** Links in messages are made absolute with it. */
  publicBaseUrl: string;
  /** The PDF of a statement by its verification code, attached to the yearly statement's e-mail. */
  statementPdf?: ((code: string, language: NoticeLanguage) => Promise<Buffer>) | undefined;
}
