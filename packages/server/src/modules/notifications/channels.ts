import type { NoticeKind, NoticeLanguage, NoticeParams } from './notice-kinds.ts';
import type { RenderedNotice } from './notice-templates.ts';

/** One message to send on a channel. */
export interface OutgoingMessage {
  /** Unique per notice and channel: the receiver drops a message whose key it has seen. */
  deliveryKey: string;
  address: string;
  kind: NoticeKind;
  language: NoticeLanguage;
  params: NoticeParams;
  rendered: RenderedNotice;
  /** An absolute link into the web app, when the notice has one. */
  url: string | null;
  attachment?: { filename: string; content: Buffer; contentType: string } | undefined;
}

/** A channel sends one message and answers what the other side said (a message id), or throws. */
export interface ChannelSender {
  send(message: OutgoingMessage): Promise<string>;
  close?(): void;
}
