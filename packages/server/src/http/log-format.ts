import type { FastifyInstance } from 'fastify';
import type { LogFormat } from '../config/index.ts';

/** A destination for pino's lines (a writable stream, or anything with write). */
export interface LogDestination {
  write(line: string): unknown;
}

/**
 * JSON lines for machines (a log collector, a file, a pipe), one readable line per event for a person
 * watching a terminal: LOG_FORMAT chooses, and without it a terminal gets text and anything else JSON.
 */
export function resolveLogFormat(configured: LogFormat | undefined, isTerminal: boolean): LogFormat {
  return configured ?? (isTerminal ? 'pretty' : 'json');
}

const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
  code?: string;
  detail?: string;
}

/** One pino JSON line as a line a person reads: "22:14:05 INFO  GET /api/health 200 3 ms [req-1]". */
export function formatLogLine(json: string): string {
  let record: LogRecord;
  try {
    record = JSON.parse(json) as LogRecord;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  // The machine's local time: what the person at the terminal reads on their clock.
  const time = record.time ? new Date(record.time).toTimeString().slice(0, 8) : '--:--:--';
  const level = LEVELS[record.level ?? 30] ?? String(record.level);
  const parts = [time, level];
  if (record.req?.method && record.res?.statusCode !== undefined) {
    parts.push(record.req.method, record.req.url ?? '', String(record.res.statusCode));
    if (record.responseTime !== undefined) parts.push(`${Math.round(record.responseTime)} ms`);
  } else {
    parts.push(record.msg ?? '');
  }
  if (record.code) parts.push(`${record.code}: ${record.detail ?? ''}`);
  if (record.err?.message) parts.push(`- ${record.err.message}`);
  if (record.reqId) parts.push(`[${record.reqId}]`);
  const line = parts.filter((part) => part !== '').join(' ');
  // A stack is kept for errors: the one place a developer needs more than a line.
  const stack =
    record.level !== undefined && record.level >= 50 && record.err?.stack ? `\n${record.err.stack}` : '';
  return `${line}${stack}\n`;
}

/** Writes each pino line to `out` as formatLogLine has it. */
export function prettyLogDestination(out: LogDestination): LogDestination {
  return { write: (line: string) => out.write(formatLogLine(line.trimEnd())) };
}

/**
 * One log line per request, when it is answered (Fastify's own logging writes two: on arrival and on
 * reply, the first without the status): method, path, status and time, with the request id.
 */
export function installRequestLogging(server: FastifyInstance): void {
  server.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        req: { method: request.method, url: request.url.split('?')[0] },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  });
}
