import { expect, it } from 'vitest';
import { describeEachServer } from './test-server.ts';

/** Issue 13, defect 7: a known path with an unsupported method is a 405 naming the methods, not a 404. */
describeEachServer('unsupported methods', (get) => {
  it('answers 405 with an Allow header for a known path, 404 for an unknown one', async () => {
    const { server } = get();
    const wrongMethod = await server.inject({ method: 'DELETE', url: '/api/auth/me' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, HEAD');
    expect(wrongMethod.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrongMethod.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
    const withParameter = await server.inject({ method: 'PUT', url: '/api/approvals/7/approve' });
    expect(withParameter.statusCode).toBe(405);
    expect(withParameter.headers.allow).toBe('POST');
    const unknown = await server.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
  });
});

describeEachServer('error replies in the OpenAPI document', (get) => {
  it('documents application/problem+json as the error body of every operation', async () => {
    const document = (await get().server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
    };
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const content = operation.responses.default?.content ?? {};
        if (!('application/problem+json' in content) || 'application/json' in content)
          missing.push(`${method} ${path}`);
      }
    expect(missing).toEqual([]);
  });
});

describeEachServer('page limits', (get) => {
  it('takes 1 to 200 and refuses the rest, as the document says', async () => {
    const { server } = get();
    // The document's pattern is the server's own check (pageQuery in pagination.ts).
    const document = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get: { parameters: { name: string; schema: { pattern?: string } }[] } }>;
    };
    const pattern = new RegExp(
      document.paths['/api/approvals']!.get.parameters.find((it) => it.name === 'limit')!.schema.pattern!,
    );
    for (const limit of ['1', '9', '10', '99', '100', '199', '200'])
      expect(pattern.test(limit), limit).toBe(true);
    for (const limit of ['0', '00', '201', '999', '1000', '-1', '1.5', 'abc'])
      expect(pattern.test(limit), limit).toBe(false);
  });
});
