import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

const cwd = '/srv/shebao';

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((it) => `${it.variable}: ${it.reason}`);
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file under ./data, port 3000 on localhost, info logs', () => {
    const config = loadConfig({}, cwd);
    expect(config).toEqual({
      databaseUrl: 'sqlite:./data/shebao.db',
      database: { dialect: 'sqlite', filename: '/srv/shebao/data/shebao.db' },
      port: 3000,
      documentsDir: '/srv/shebao/data/documents',
      host: '127.0.0.1',
      logLevel: 'info',
      signingKeyFile: '/srv/shebao/data/signing-key.pem',
      publicBaseUrl: 'http://127.0.0.1:3000',
      tokenDefaultDays: 90,
      tokenMaxDays: 365,
      periodHorizonMonths: 12,
      trustProxy: false,
      notices: {
        smtpUrl: null,
        mailFrom: 'Shebao <notices@localhost>',
        smsUrl: null,
        smsToken: null,
        smsSignature: '社保',
        emailPerSecond: 20,
        smsPerSecond: 10,
        workerIntervalMs: 5000,
      },
    });
  });

  it('reads which proxies to trust, and nothing that would trust everyone', () => {
    expect(loadConfig({ SHEBAO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }, cwd).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(loadConfig({ SHEBAO_TRUST_PROXY: 'loopback' }, cwd).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ SHEBAO_TRUST_PROXY: '1' }, cwd).trustProxy).toBe(1);
    expect(loadConfig({ SHEBAO_TRUST_PROXY: 'false' }, cwd).trustProxy).toBe(false);
    for (const bad of ['true', '*', 'proxy.example.cn', '0'])
      expect(issuesOf({ SHEBAO_TRUST_PROXY: bad }), bad).toEqual([
        expect.stringMatching(/^SHEBAO_TRUST_PROXY: must be false, a number of proxy hops/),
      ]);
  });

  it('reads the API token lifetimes and refuses a default above the maximum', () => {
    const config = loadConfig({ SHEBAO_TOKEN_DEFAULT_DAYS: '7', SHEBAO_TOKEN_MAX_DAYS: '30' }, cwd);
    expect([config.tokenDefaultDays, config.tokenMaxDays]).toEqual([7, 30]);
    expect(issuesOf({ SHEBAO_TOKEN_DEFAULT_DAYS: '400' })).toEqual([
      'SHEBAO_TOKEN_DEFAULT_DAYS: must not exceed SHEBAO_TOKEN_MAX_DAYS',
    ]);
    expect(loadConfig({ SHEBAO_PERIOD_HORIZON_MONTHS: '3' }, cwd).periodHorizonMonths).toBe(3);
    expect(issuesOf({ SHEBAO_PERIOD_HORIZON_MONTHS: '121' })).toEqual([
      'SHEBAO_PERIOD_HORIZON_MONTHS: must be a whole number from 0 to 120, got "121"',
    ]);
    expect(issuesOf({ SHEBAO_TOKEN_MAX_DAYS: '0' })).toEqual([
      'SHEBAO_TOKEN_MAX_DAYS: must be a whole number from 1 to 3650, got "0"',
    ]);
  });

  it('reads the signing key file and the public base URL', () => {
    const config = loadConfig(
      { SHEBAO_SIGNING_KEY_FILE: 'keys/k.pem', SHEBAO_PUBLIC_BASE_URL: 'https://si.example.cn/' },
      cwd,
    );
    expect([config.signingKeyFile, config.publicBaseUrl]).toEqual([
      '/srv/shebao/keys/k.pem',
      'https://si.example.cn',
    ]);
    expect(issuesOf({ SHEBAO_PUBLIC_BASE_URL: 'si.example.cn' })).toEqual([
      expect.stringMatching(/^SHEBAO_PUBLIC_BASE_URL: must be an http/),
    ]);
  });

  it('reads SHEBAO_TODAY, a real calendar date, for demos and tests that fix the day', () => {
    expect(loadConfig({ SHEBAO_TODAY: '2027-06-30' }, cwd).today).toBe('2027-06-30');
    expect(loadConfig({}, cwd)).not.toHaveProperty('today');
    expect(issuesOf({ SHEBAO_TODAY: '2027-02-30' })).toEqual([
      'SHEBAO_TODAY: must be a calendar date YYYY-MM-DD, got "2027-02-30"',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ', LOG_LEVEL: '' }, cwd).port).toBe(3000);
  });

  it('is frozen, nested parts included', () => {
    const config = loadConfig({}, cwd);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it.each([
    ['sqlite:./var/x.db', { dialect: 'sqlite', filename: '/srv/shebao/var/x.db' }],
    ['sqlite:x.db', { dialect: 'sqlite', filename: '/srv/shebao/x.db' }],
    ['sqlite:/var/lib/shebao/db.sqlite', { dialect: 'sqlite', filename: '/var/lib/shebao/db.sqlite' }],
    ['sqlite:///var/lib/shebao.db', { dialect: 'sqlite', filename: '/var/lib/shebao.db' }],
    ['sqlite::memory:', { dialect: 'sqlite', filename: ':memory:' }],
    [
      'postgres://postgres@127.0.0.1:5432/test',
      { dialect: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' },
    ],
    [
      'postgresql://u:p@db.internal/shebao?sslmode=require',
      { dialect: 'postgres', url: 'postgresql://u:p@db.internal/shebao?sslmode=require' },
    ],
  ])('reads DATABASE_URL=%s', (url, database) => {
    expect(loadConfig({ DATABASE_URL: url }, cwd).database).toEqual(database);
  });

  it.each([
    ['mysql://localhost/x', /DATABASE_URL: scheme "mysql:" is not supported/],
    ['./data/shebao.db', /DATABASE_URL: no scheme given/],
    ['sqlite:', /DATABASE_URL: sqlite: needs a file path/],
    ['sqlite://data/x.db', /DATABASE_URL: write sqlite:<path>/],
    ['postgres://localhost', /DATABASE_URL: postgres URL needs a database name/],
    ['postgres://[bad', /DATABASE_URL: is not a valid postgres:\/\/ URL/],
  ])('rejects DATABASE_URL=%s naming the reason', (url, expected) => {
    expect(issuesOf({ DATABASE_URL: url })).toEqual([expect.stringMatching(expected)]);
  });

  it('never echoes a database password in errors', () => {
    const [issue] = issuesOf({ DATABASE_URL: 'postgres://u:s3cret@host' });
    expect(issue).not.toContain('s3cret');
  });

  it('reads LOG_FORMAT, json or pretty; unset leaves the choice to the terminal', () => {
    expect(loadConfig({}, cwd).logFormat).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: 'JSON' }, cwd).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, cwd).logFormat).toBe('pretty');
    expect(issuesOf({ LOG_FORMAT: 'xml' })).toEqual([
      expect.stringMatching(/^LOG_FORMAT: must be one of json, pretty/),
    ]);
  });

  it('reads PORT, HOST and LOG_LEVEL', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'DEBUG' }, cwd);
    expect([config.port, config.host, config.logLevel]).toEqual([8080, '0.0.0.0', 'debug']);
  });

  it.each(['0', '65536', 'abc', '80.5', '-1'])('rejects PORT=%s', (port) => {
    expect(issuesOf({ PORT: port })).toEqual([`PORT: must be a port number from 1 to 65535, got "${port}"`]);
  });

  it('rejects an unknown LOG_LEVEL and a HOST with spaces', () => {
    expect(issuesOf({ LOG_LEVEL: 'verbose', HOST: 'my host' })).toEqual([
      expect.stringMatching(/^HOST: must be a host name/),
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('reports every bad variable at once, in one message', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'oracle://x' }, cwd)).toThrow(
      /Invalid configuration: DATABASE_URL: .*; PORT: .*/,
    );
  });
});
