// Placeholder build until the web application issue: copies the static page into dist/,
// which the server serves at "/".
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'dist'), { recursive: true });
cpSync(join(here, 'public'), join(here, 'dist'), { recursive: true });
console.log('web: placeholder page copied to packages/web/dist');
