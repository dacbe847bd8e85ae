import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The viewer's scripts that build elements at run time, as @fastify/swagger-ui serves them. */
const VIEWER_SCRIPTS = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'];

/**
 * CSP source expressions ('sha256-…') for the <style> elements Swagger UI's React code inserts: the
 * logo in its top bar is an SVG with a <style> of its own, which the viewer's `style-src 'self' https:`
 * blocks (Chromium logs a CSP error on every visit to /api/docs). Allowing exactly those texts by hash
 * keeps inline styles refused otherwise; the hashes are read from the installed viewer, so an upgrade
 * that changes the logo cannot bring the error back.
 */
export function viewerStyleHashes(): string[] {
  const folder = join(
    dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
    'static',
  );
  const hashes = new Set<string>();
  for (const script of VIEWER_SCRIPTS) {
    const source = readFileSync(join(folder, script), 'utf8');
    for (const match of source.matchAll(/createElement\("style",null,("(?:[^"\\]|\\.)*")\)/g)) {
      const css = JSON.parse(match[1]!) as string;
      hashes.add(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes];
}

/** The viewer's own policy with the hashes added to style-src (the transformStaticCSP option). */
export function withViewerStyleHashes(header: string, hashes: readonly string[]): string {
  return header.replace(
    /style-src ([^;]*);/,
    (_whole, sources: string) => `style-src ${[sources.trim(), ...hashes].join(' ')};`,
  );
}
