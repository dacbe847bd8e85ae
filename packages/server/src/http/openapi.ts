import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { RouteAccess } from './access.ts';
import { describeCrossFieldRules, type CrossFieldRule } from './cross-field-rules.ts';
import { viewerStyleHashes, withViewerStyleHashes } from './docs-csp.ts';
import { problemDetails } from './shared.schemas.ts';
import { accessTo } from './access-rules.ts';

/**
 * The OpenAPI 3.1 document, generated from the routes' Zod schemas, at /api/openapi.json, and an
 * interactive viewer at /api/docs. Each operation lists who may call it and how to authenticate.
 */
export async function registerOpenApi(server: FastifyInstance): Promise<void> {
  /** Cross-field rules by operation ('get /api/bills'), added to the document as it is built. */
  const crossFieldRules = new Map<string, readonly CrossFieldRule[]>();
  server.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    const schema = (route.schema ??= {}) as Record<string, unknown>;
    if (schema.hide) return;
    const isPublic = access?.roles === 'public';
    const rule = access?.rule ? ` (access rule \`${access.rule}\`, docs/ARCHITECTURE.md "Access rules")` : '';
    const who = isPublic
      ? 'Anyone.'
      : `Roles: ${(access?.roles as string[] | undefined)?.join(', ')}${rule}.`;
    const rules = (route.config as { crossFieldRules?: readonly CrossFieldRule[] } | undefined)
      ?.crossFieldRules;
    const ruleText = rules?.length ? describeCrossFieldRules(rules) : undefined;
    // A GET route's HEAD twin shares its schema object: describe it once.
    if (!String(schema.description ?? '').endsWith(who))
      schema.description = [schema.description, ruleText, who].filter(Boolean).join('\n\n');
    if (rules?.length) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      for (const method of [route.method].flat())
        crossFieldRules.set(`${method.toLowerCase()} ${path}`, rules);
    }
    if (!isPublic) schema.security = [{ sessionCookie: [] }, { bearerToken: [] }];
    schema.response = { ...(schema.response as object), default: problemDetails };
  });

  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shebao API',
        version: '0.1.0',
        description:
          'Social insurance administration: registration, collection, payments and inquiry. Money is in fen ' +
          '(integers), rates in parts per million. Errors are RFC 9457 problem details. Writes made with the ' +
          'session cookie must send the CSRF token from the login reply in the X-CSRF-Token header; POSTs ' +
          'that move money take an Idempotency-Key header.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'shebao_session' },
          bearerToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) =>
      withCrossFieldRules(
        problemMediaType(jsonSchemaTransformObject(input) as OpenApiDocument),
        crossFieldRules,
      ),
  });
  const styleHashes = viewerStyleHashes();
  await server.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => withViewerStyleHashes(header, styleHashes),
  });
  server.get(
    '/api/openapi.json',
    { schema: { hide: true }, config: { access: accessTo('service', 'describe') } },
    async () => server.swagger(),
  );
}

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
  'x-cross-field-rules'?: { in: string; field: string; rule: string }[];
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * Each operation's cross-field rules (cross-field-rules.ts) as `x-cross-field-rules`, and those JSON Schema
 * can express added to the JSON request body's schema with `allOf`.
 */
function withCrossFieldRules<T extends OpenApiDocument>(
  document: T,
  rules: ReadonlyMap<string, readonly CrossFieldRule[]>,
): T {
  for (const [path, operations] of Object.entries(document.paths ?? {}))
    for (const [method, operation] of Object.entries(operations)) {
      const found = rules.get(`${method} ${path}`);
      if (!found) continue;
      operation['x-cross-field-rules'] = found.map(({ in: location, field, rule }) => ({
        in: location,
        field,
        rule,
      }));
      const body = operation.requestBody?.content?.['application/json'];
      const expressed = found.flatMap((rule) => (rule.jsonSchema ? [rule.jsonSchema] : []));
      if (body?.schema && expressed.length > 0)
        body.schema = {
          ...body.schema,
          allOf: [...((body.schema.allOf as unknown[] | undefined) ?? []), ...expressed],
        };
    }
  return document;
}

/**
 * Error replies are sent as application/problem+json (RFC 9457), so every operation's default (error)
 * response is documented with that media type rather than application/json.
 */
function problemMediaType<T extends OpenApiDocument>(document: T): T {
  for (const operations of Object.values(document.paths ?? {}))
    for (const operation of Object.values(operations)) {
      const error = operation.responses?.default;
      const json = error?.content?.['application/json'];
      if (!error?.content || json === undefined) continue;
      error.content = { 'application/problem+json': json };
    }
  return document;
}
