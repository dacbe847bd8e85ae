import { describe, expect, it } from 'vitest';
import { assembleApp, fixedClock } from '../app/index.ts';
import { loadConfig } from '../config/index.ts';
import { describeEachDatabase } from '../testing/index.ts';
import { buildServer } from './build-server.ts';
import { formatLogLine, resolveLogFormat } from './log-format.ts';
import { TEST_NOW, TEST_SIGNING_KEY } from './test-server.ts';

describe('log format', () => {
  it('is readable text on a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    expect(resolveLogFormat(undefined, true)).toBe('pretty');
    expect(resolveLogFormat(undefined, false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('writes a request as one line: time, level, method, path, status, time taken, request id', () => {
    const line = formatLogLine(
      JSON.stringify({
        level: 30,
        time: Date.parse(TEST_NOW),
        reqId: 'req-1',
        req: { method: 'GET', url: '/api/health' },
        res: { statusCode: 200 },
        responseTime: 3.4,
        msg: 'request completed',
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:\d\d INFO {2}GET \/api\/health 200 3 ms \[req-1\]\n$/);
    const refused = formatLogLine(
      JSON.stringify({ level: 30, time: 0, msg: 'request refused', code: 'NOT_FOUND', detail: 'no route' }),
    );
    expect(refused).toMatch(/INFO {2}request refused NOT_FOUND: no route\n$/);
    const failed = formatLogLine(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: 'request failed',
        err: { message: 'boom', stack: 'Error: boom\n  at x' },
      }),
    );
    expect(failed).toMatch(/ERROR request failed - boom\nError: boom\n {2}at x\n$/);
    expect(formatLogLine('not json')).toBe('not json\n');
  });
});

describeEachDatabase('request logging', (getDb, dialect) => {
  async function linesOf(env: Record<string, string>): Promise<string[]> {
    const lines: string[] = [];
    const handle = { db: getDb(), dialect, close: async () => {} };
    const app = await assembleApp(handle, loadConfig(env), fixedClock(TEST_NOW));
    const server = await buildServer(app, {
      signingKey: TEST_SIGNING_KEY,
      logDestination: { write: (line: string) => lines.push(line) },
    });
    try {
      await server.inject({ method: 'GET', url: '/api/health?probe=1' });
    } finally {
      await server.close();
    }
    return lines.filter((line) => line.includes('/api/health'));
  }

  it('logs one JSON line per request with LOG_FORMAT=json, one readable line with pretty', async () => {
    const json = await linesOf({ LOG_FORMAT: 'json' });
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0]!)).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/api/health' },
      res: { statusCode: 200 },
    });
    const pretty = await linesOf({ LOG_FORMAT: 'pretty' });
    expect(pretty).toHaveLength(1);
    expect(pretty[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}GET \/api\/health 200 \d+ ms \[[\w-]+\]\n$/);
  });
});
