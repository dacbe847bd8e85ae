import nodemailer from 'nodemailer';
import type { ChannelSender } from './channels.ts';

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://... */
  smtpUrl: string;
  from: string;
}

/**
 * E-mail through an SMTP server (docs/RULES.md 17.3). The delivery key is the Message-ID, so a message sent
 * again after a crash between sending and recording it carries the same id and a receiver can drop it.
 */
export function createEmailChannel(settings: EmailSettings): ChannelSender {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(message) {
      const link = message.url ? `\n\n${message.url}` : '';
      const info = await transport.sendMail({
        from: settings.from,
        to: message.address,
        subject: message.rendered.title,
        text: `${message.rendered.text}${link}`,
        messageId: `<${message.deliveryKey.replace(':', '.')}@notices.shebao>`,
        headers: { 'Content-Language': message.language },
        attachments: message.attachment ? [message.attachment] : [],
      });
      return String(info.messageId ?? info.response);
    },
    close() {
      transport.close();
    },
  };
}
