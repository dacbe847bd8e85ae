/**
 * Rules that tie one field of a request to another (from <= to, exactly one of two ids, a field required
 * for one value of another). Zod refinements and service checks enforce them, but JSON Schema generated
 * from Zod cannot show them, so a route lists them in `config.crossFieldRules` and the OpenAPI document
 * (openapi.ts) carries them: in the operation's description, as `x-cross-field-rules`, and where JSON
 * Schema can say it, as `jsonSchema` added to the request body's schema (`allOf`). A request that breaks
 * one is refused with a problem naming `field` (cross-field-rules.test.ts tries each).
 */
export interface CrossFieldRule {
  /** Where the field is: the JSON body or the query string. */
  readonly in: 'body' | 'query';
  /** The field the refusal names. */
  readonly field: string;
  /** The rule in words. */
  readonly rule: string;
  /** The rule in JSON Schema, for the body schema, when JSON Schema can express it. */
  readonly jsonSchema?: Readonly<Record<string, unknown>>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    crossFieldRules?: readonly CrossFieldRule[];
  }
}

/** Exactly one of two body fields (a JSON Schema `oneOf` of the two `required`s). */
export function exactlyOneOf(first: string, second: string, rule?: string): CrossFieldRule {
  return {
    in: 'body',
    field: first,
    rule: rule ?? `give exactly one of ${first} and ${second}`,
    jsonSchema: { oneOf: [{ required: [first] }, { required: [second] }] },
  };
}

/** One field must not come after another (dates `YYYY-MM-DD` or months `YYYY-MM`). */
export function notAfter(location: 'body' | 'query', from: string, to: string, field = from): CrossFieldRule {
  return { in: location, field, rule: `${from} must not be after ${to}` };
}

/** The description paragraph an operation gets for its rules. */
export function describeCrossFieldRules(rules: readonly CrossFieldRule[]): string {
  return [
    'Cross-field rules (a request that breaks one is refused with a problem naming the field):',
    ...rules.map((rule) => `- \`${rule.field}\` (${rule.in}): ${rule.rule}`),
  ].join('\n');
}
