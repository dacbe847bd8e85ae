import { resolve } from 'node:path';
import { parseBusinessDate, type BusinessDate } from '@shebao/domain';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseLocation } from '../db/database-url.ts';
import { ConfigError } from './config-error.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Config {
  /** DATABASE_URL as given (or the default); may contain a password, so never log it unredacted. */
  readonly databaseUrl: string;
  /** The parsed DATABASE_URL; SQLite paths are absolute, resolved against the working directory. */
  readonly database: DatabaseLocation;
  readonly port: number;
  /**
   * 127.0.0.1 by default: the embedded setup should not be reachable from the network until an
   * operator decides so. Containers and servers behind a proxy set HOST=0.0.0.0.
   */
  readonly host: string;
  readonly logLevel: LogLevel;
  /**
   * LOG_FORMAT: `json` (one JSON object a line, for collectors) or `pretty` (one readable line an event).
   * Unset: pretty on a terminal, JSON otherwise (http/log-format.ts decides).
   */
  readonly logFormat?: LogFormat;
  /**
   * The Ed25519 private key (PKCS#8 PEM) that signs statements: SHEBAO_SIGNING_KEY_FILE, by default
   * ./data/signing-key.pem, created with mode 0600 on first use when absent. Absolute.
   */
  readonly signingKeyFile: string;
  /**
   * Where the documents attached to applications are kept, each file named by its SHA-256 (the database
   * rows keep the hash, type and size): SHEBAO_DOCUMENTS_DIR, by default ./data/documents. Absolute.
   */
  readonly documentsDir: string;
  /**
   * Where people reach the public verification page; statements print `<publicBaseUrl>/verify/<code>`
   * in their QR code. SHEBAO_PUBLIC_BASE_URL, by default http://HOST:PORT. No trailing slash.
   */
  readonly publicBaseUrl: string;
  /**
   * SHEBAO_TODAY (YYYY-MM-DD): the business date the server takes for today, the clock running on from
   * there. For demos and browser tests that must not depend on the day they run; unset in production.
   */
  readonly today?: BusinessDate;
  /**
   * API token lifetime in days (docs/RULES.md 9.6): a token issued without a
   * lifetime gets SHEBAO_TOKEN_DEFAULT_DAYS (90), and none may live longer than SHEBAO_TOKEN_MAX_DAYS (365).
   */
  readonly tokenDefaultDays: number;
  readonly tokenMaxDays: number;
  /**
   * How many months after the current one a period may lie in a collection run, a job or a query
   * (SHEBAO_PERIOD_HORIZON_MONTHS, default 12, 0-120; docs/RULES.md 10.5).
   */
  readonly periodHorizonMonths: number;
  /**
   * Which proxies in front of the server to believe about the client's address and protocol
   * (X-Forwarded-For, X-Forwarded-Proto): SHEBAO_TRUST_PROXY, a comma-separated list of addresses or
   * CIDR ranges (or loopback, linklocal, uniquelocal), or a number of hops. false (the default) believes
   * no one: the connection's own address and protocol count. docs/OPERATIONS.md, "Behind a proxy".
   */
  readonly trustProxy: false | number | readonly string[];
  /** How notices leave Shebao (docs/RULES.md 17.3-17.5; docs/OPERATIONS.md, "Notices"). */
  readonly notices: NoticeConfig;
}

export interface NoticeConfig {
  /** SHEBAO_SMTP_URL, e.g. smtp://user:pass@mail.example.cn:587; unset: no e-mail is sent. */
  readonly smtpUrl: string | null;
  /** SHEBAO_MAIL_FROM, the sender of notices. */
  readonly mailFrom: string;
  /** SHEBAO_SMS_URL, the SMS gateway's endpoint; unset: no SMS is sent. */
  readonly smsUrl: string | null;
  /** SHEBAO_SMS_TOKEN, the gateway's bearer token; may be a secret, never logged. */
  readonly smsToken: string | null;
  /** SHEBAO_SMS_SIGNATURE, the sender signature registered with the gateway. */
  readonly smsSignature: string;
  /** SHEBAO_EMAIL_PER_SECOND / SHEBAO_SMS_PER_SECOND: each channel's pace. */
  readonly emailPerSecond: number;
  readonly smsPerSecond: number;
  /** SHEBAO_NOTICE_INTERVAL_MS: how often the server's worker delivers; 0 runs no worker. */
  readonly workerIntervalMs: number;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** A whole number within [min, max], given as text. */
function wholeNumber(fallback: number, min: number, max: number) {
  return z
    .string()
    .default(String(fallback))
    .refine((text) => /^\d{1,6}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max, {
      error: (issue) => `must be a whole number from ${min} to ${max}, got "${String(issue.input)}"`,
    })
    .transform(Number);
}

function envSchema(cwd: string) {
  return z
    .object({
      DATABASE_URL: z
        .string()
        .default(DEFAULT_DATABASE_URL)
        .transform((text, ctx) => {
          try {
            return { url: text.trim(), location: parseDatabaseUrl(text, cwd) };
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: (error as Error).message });
            return z.NEVER;
          }
        }),
      PORT: z
        .string()
        .default('3000')
        .refine((text) => /^\d{1,5}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 65535, {
          error: (issue) => `must be a port number from 1 to 65535, got "${String(issue.input)}"`,
        })
        .transform(Number),
      HOST: z
        .string()
        .default('127.0.0.1')
        .transform((text) => text.trim())
        .refine((text) => /^[^\s/]+$/.test(text), {
          error: 'must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0',
        }),
      LOG_LEVEL: z
        .string()
        .default('info')
        .transform((text) => text.trim().toLowerCase())
        .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
      LOG_FORMAT: z
        .string()
        .optional()
        .transform((text) => text?.trim().toLowerCase())
        .pipe(z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }).optional()),
      SHEBAO_SIGNING_KEY_FILE: z
        .string()
        .default('./data/signing-key.pem')
        .transform((text) => resolve(cwd, text.trim())),
      SHEBAO_DOCUMENTS_DIR: z
        .string()
        .default('./data/documents')
        .transform((text) => resolve(cwd, text.trim())),
      SHEBAO_PUBLIC_BASE_URL: z
        .string()
        .optional()
        .refine((text) => text === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(text.trim()), {
          error: 'must be an http:// or https:// URL, e.g. https://shebao.example.gov.cn',
        })
        .transform((text) => text?.trim().replace(/\/+$/, '')),
      SHEBAO_TOKEN_DEFAULT_DAYS: wholeNumber(90, 1, 3650),
      SHEBAO_TOKEN_MAX_DAYS: wholeNumber(365, 1, 3650),
      SHEBAO_PERIOD_HORIZON_MONTHS: wholeNumber(12, 0, 120),
      SHEBAO_SMTP_URL: z
        .string()
        .optional()
        .refine((text) => text === undefined || /^smtps?:\/\/[^\s]+$/.test(text.trim()), {
          error: 'must be an smtp:// or smtps:// URL, e.g. smtp://mail.example.cn:587',
        })
        .transform((text) => text?.trim() ?? null),
      SHEBAO_MAIL_FROM: z
        .string()
        .default('Shebao <notices@localhost>')
        .transform((text) => text.trim()),
      SHEBAO_SMS_URL: z
        .string()
        .optional()
        .refine((text) => text === undefined || /^https?:\/\/[^\s]+$/.test(text.trim()), {
          error: 'must be an http:// or https:// URL of the SMS gateway',
        })
        .transform((text) => text?.trim() ?? null),
      SHEBAO_SMS_TOKEN: z
        .string()
        .optional()
        .transform((text) => text?.trim() ?? null),
      SHEBAO_SMS_SIGNATURE: z
        .string()
        .default('社保')
        .transform((text) => text.trim()),
      SHEBAO_EMAIL_PER_SECOND: wholeNumber(20, 1, 10000),
      SHEBAO_SMS_PER_SECOND: wholeNumber(10, 1, 10000),
      SHEBAO_NOTICE_INTERVAL_MS: wholeNumber(5000, 0, 3600000),
      SHEBAO_TODAY: z
        .string()
        .optional()
        .transform((text, ctx) => {
          if (text === undefined) return undefined;
          try {
            return parseBusinessDate(text.trim(), 'SHEBAO_TODAY');
          } catch {
            ctx.addIssue({ code: 'custom', message: `must be a calendar date YYYY-MM-DD, got "${text}"` });
            return z.NEVER;
          }
        }),
      SHEBAO_TRUST_PROXY: z
        .string()
        .optional()
        .transform((text, ctx) => {
          const value = text?.trim().toLowerCase();
          if (value === undefined || value === 'false' || value === 'no') return false as const;
          if (/^\d{1,2}$/.test(value) && Number(value) >= 1) return Number(value);
          const entries = value.split(',').map((entry) => entry.trim());
          const address =
            /^(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[\da-f]*:[\da-f:]*(\/\d{1,3})?)$/;
          if (entries.every((entry) => address.test(entry))) return entries;
          ctx.addIssue({
            code: 'custom',
            message:
              'must be false, a number of proxy hops, or proxy addresses or CIDR ranges separated by commas (e.g. 10.0.0.0/8,127.0.0.1)',
          });
          return z.NEVER;
        }),
    })
    .refine((env) => env.SHEBAO_TOKEN_DEFAULT_DAYS <= env.SHEBAO_TOKEN_MAX_DAYS, {
      path: ['SHEBAO_TOKEN_DEFAULT_DAYS'],
      error: 'must not exceed SHEBAO_TOKEN_MAX_DAYS',
      // Only once both are valid numbers: a bad one is reported by itself.
      when: (payload) => payload.issues.length === 0,
    });
}

/**
 * Reads the configuration once from the environment, validates it and freezes it.
 * Empty variables count as unset (`PORT=` in a .env file means "use the default").
 * Throws a ConfigError naming every bad variable and why.
 */
export function loadConfig(env: Environment = process.env, cwd: string = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema(cwd).safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), reason: issue.message })),
    );
  }
  const {
    DATABASE_URL,
    PORT,
    HOST,
    LOG_LEVEL,
    LOG_FORMAT,
    SHEBAO_SIGNING_KEY_FILE,
    SHEBAO_DOCUMENTS_DIR,
    SHEBAO_PUBLIC_BASE_URL,
    SHEBAO_TODAY,
  } = parsed.data;
  const {
    SHEBAO_TOKEN_DEFAULT_DAYS,
    SHEBAO_TOKEN_MAX_DAYS,
    SHEBAO_PERIOD_HORIZON_MONTHS,
    SHEBAO_TRUST_PROXY,
  } = parsed.data;
  const notices: NoticeConfig = Object.freeze({
    smtpUrl: parsed.data.SHEBAO_SMTP_URL,
    mailFrom: parsed.data.SHEBAO_MAIL_FROM,
    smsUrl: parsed.data.SHEBAO_SMS_URL,
    smsToken: parsed.data.SHEBAO_SMS_TOKEN,
    smsSignature: parsed.data.SHEBAO_SMS_SIGNATURE,
    emailPerSecond: parsed.data.SHEBAO_EMAIL_PER_SECOND,
    smsPerSecond: parsed.data.SHEBAO_SMS_PER_SECOND,
    workerIntervalMs: parsed.data.SHEBAO_NOTICE_INTERVAL_MS,
  });
  return Object.freeze({
    databaseUrl: DATABASE_URL.url,
    database: Object.freeze({ ...DATABASE_URL.location }),
    port: PORT,
    host: HOST,
    logLevel: LOG_LEVEL,
    ...(LOG_FORMAT ? { logFormat: LOG_FORMAT } : {}),
    signingKeyFile: SHEBAO_SIGNING_KEY_FILE,
    documentsDir: SHEBAO_DOCUMENTS_DIR,
    publicBaseUrl: SHEBAO_PUBLIC_BASE_URL ?? `http://${HOST.includes(':') ? `[${HOST}]` : HOST}:${PORT}`,
    ...(SHEBAO_TODAY === undefined ? {} : { today: SHEBAO_TODAY }),
    tokenDefaultDays: SHEBAO_TOKEN_DEFAULT_DAYS,
    tokenMaxDays: SHEBAO_TOKEN_MAX_DAYS,
    periodHorizonMonths: SHEBAO_PERIOD_HORIZON_MONTHS,
    trustProxy: Array.isArray(SHEBAO_TRUST_PROXY)
      ? Object.freeze([...SHEBAO_TRUST_PROXY])
      : SHEBAO_TRUST_PROXY,
    notices,
  });
}
