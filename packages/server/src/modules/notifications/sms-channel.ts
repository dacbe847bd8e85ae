import type { ChannelSender } from './channels.ts';
import { SMS_TEMPLATE_IDS } from './notice-templates.ts';
import { smsSegments } from './sms-segments.ts';

export interface SmsSettings {
  /** The gateway's endpoint that takes one message as JSON. */
  url: string;
  /** Sent as a bearer token. */
  token: string | null;
  /** The sender signature registered with the gateway. */
  signature: string;
}

/**
 * SMS through an HTTP gateway (docs/RULES.md 17.3): one POST per message with the template id and its
 * params (how Chinese gateways take messages) and the text rendered from them, and the delivery key as the
 * Idempotency-Key, so the gateway sends a repeated request once. Anything but a 2xx answer is a failure.
 */
export function createSmsChannel(settings: SmsSettings): ChannelSender {
  return {
    async send(message) {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.deliveryKey,
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        body: JSON.stringify({
          to: message.address,
          signature: settings.signature,
          template: SMS_TEMPLATE_IDS[message.kind],
          language: message.language,
          params: message.params,
          text: message.rendered.sms,
          segments: smsSegments(message.rendered.sms).segments,
        }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${body.slice(0, 200)}`);
      return body.slice(0, 200) || `HTTP ${response.status}`;
    },
  };
}
