import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free local port, keeping every message it accepts (parsed). While `down` it
 * refuses connections, as a mail server in an outage does.
 */
export async function startSmtpReceiver(): Promise<{
  port: number;
  url: string;
  messages: ParsedMail[];
  down: boolean;
  close(): Promise<void>;
}> {
  const state = { down: false, messages: [] as ParsedMail[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (state.down) {
        const error = new Error('service not available') as Error & { responseCode: number };
        error.responseCode = 421;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages: state.messages,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedSms {
  headers: IncomingMessage['headers'];
  body: {
    to: string;
    template: string;
    language: string;
    text: string;
    segments: number;
    params: Record<string, unknown>;
  };
}

/**
 * An SMS gateway on a free local port: takes one JSON message per POST and keeps it, dropping a repeat of an
 * Idempotency-Key it has seen (answered 200, as a gateway would). While `down` it answers 503.
 */
export async function startSmsReceiver(): Promise<{
  url: string;
  messages: ReceivedSms[];
  requests: number;
  down: boolean;
  /** Forgets the messages and the keys seen (a new database numbers its deliveries from 1 again). */
  reset(): void;
  close(): Promise<void>;
}> {
  const state = { down: false, requests: 0, messages: [] as ReceivedSms[], keys: new Set<string>() };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.requests += 1;
      if (state.down) {
        response.writeHead(503).end('gateway down');
        return;
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      if (!state.keys.has(key)) {
        state.keys.add(key);
        state.messages.push({
          headers: request.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms['body'],
        });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"sms-${state.requests}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages: state.messages,
    get requests() {
      return state.requests;
    },
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    reset() {
      state.messages.length = 0;
      state.keys.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
