import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

const packages = readdirSync(path.join(root, 'packages'))
  .map((dir) => ({ dir: path.join(root, 'packages', dir), json: JSON.parse(readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);

// Subpaths behind wildcards are invisible to attw unless named.
const extraEntrypoints: Record<string, string[]> = {
  '@dmls/content': ['./chapters/training-data', './chapters/training-data.json', './figures/row-vs-column-major.svg'],
};

describe.each(packages.map((p) => [p.json.name as string, p] as const))('%s', (name, pkg) => {
  it('passes publint --strict', async () => {
    const { stdout } = await run(bin('publint'), ['--strict', pkg.dir], { cwd: root });
    expect(stdout).toMatch(/All good!/);
  });

  it('has correct types for node16 (ESM and CJS) and bundlers (attw)', async () => {
    const extra = extraEntrypoints[name] ?? [];
    // Packages built on unified are ESM-only, as unified is: CommonJS callers use import().
    const esmOnly = !JSON.stringify(pkg.json.exports).includes('require');
    const args = [
      '--pack', pkg.dir, '--profile', 'node16', '--format', 'ascii',
      ...(esmOnly ? ['--ignore-rules', 'cjs-resolves-to-esm'] : []),
      ...(extra.length ? ['--include-entrypoints', ...extra] : []),
    ];
    const result = await run(bin('attw'), args, { cwd: root, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout: string; code: number }) => error);
    expect('code' in result ? result.stdout : '').toBe('');
  });

  it('states its licence, files allowlist and public access', () => {
    expect(pkg.json.license).toMatch(/MIT|CC-BY-4.0/);
    expect(pkg.json.files).toContain('dist');
    expect(pkg.json.publishConfig?.access).toBe('public');
  });
});
