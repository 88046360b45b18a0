#!/usr/bin/env node
// `pnpm release:check`: for every public package, what npm would receive: publint --strict,
// attw on the packed tarball, and a look inside the tarball (only what `files` means to ship:
// no sources, tests, fixtures or source maps), with its size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const packages = readdirSync(path.join(root, 'packages'))
  .map((dir) => path.join(root, 'packages', dir))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);

// Subpaths behind export wildcards are invisible to attw unless named.
const entrypoints = { '@dmls/content': ['./chapters/training-data', './chapters/training-data.json'] };
const forbidden = [/^package\/(src|test|tests|fixtures|scripts|generated)\//, /\.map$/, /\.test\./, /tsconfig/, /tsup\.config/];

/** File names inside a .tgz (ustar headers: name at 0, size at 124, 512-byte blocks). */
function tarEntries(file) {
  const tar = gunzipSync(readFileSync(file));
  const names = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = Buffer.from(tar.subarray(offset, offset + 100)).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(Buffer.from(tar.subarray(offset + 124, offset + 136)).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    names.push(name);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

let failed = 0;
const out = mkdtempSync(path.join(tmpdir(), 'dmls-pack-'));
for (const { dir, json } of packages) {
  const problems = [];
  if (!/MIT|CC-BY-4.0/.test(json.license ?? '')) problems.push('package.json states no licence (MIT for code, CC-BY-4.0 for notes)');
  if (!json.files?.includes('dist')) problems.push('package.json has no `files` allowlist with dist');
  if (json.publishConfig?.access !== 'public') problems.push('publishConfig.access is not public');
  try {
    execFileSync(bin('publint'), ['--strict', dir], { stdio: 'pipe' });
  } catch (error) {
    problems.push(`publint: ${String(error.stdout || error.message).trim()}`);
  }
  const tarball = path.join(out, execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop().split('/').pop());
  const esmOnly = !JSON.stringify(json.exports).includes('require');
  const extra = entrypoints[json.name] ?? [];
  try {
    execFileSync(bin('attw'), [tarball, '--profile', 'node16', '--format', 'ascii', ...(esmOnly ? ['--ignore-rules', 'cjs-resolves-to-esm'] : []), ...(extra.length ? ['--include-entrypoints', ...extra] : [])], { stdio: 'pipe' });
  } catch (error) {
    problems.push(`attw: ${String(error.stdout || error.message).trim()}`);
  }
  const entries = tarEntries(tarball);
  for (const entry of entries) if (forbidden.some((re) => re.test(entry))) problems.push(`ships ${entry}`);
  const size = readFileSync(tarball).byteLength;
  console.log(`${problems.length ? '✗' : '✓'} ${json.name.padEnd(20)} ${`${(size / 1024).toFixed(1)} KB`.padStart(10)}  ${String(entries.length).padStart(4)} files`);
  for (const p of problems) console.log(`    ${p.split('\n').join('\n    ')}`);
  failed += problems.length ? 1 : 0;
}
rmSync(out, { recursive: true, force: true });
if (failed) {
  console.error(`release:check: ${failed} package(s) not ready to publish.`);
  process.exit(1);
}
