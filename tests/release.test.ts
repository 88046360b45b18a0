import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const changeset = path.join(root, 'node_modules/.bin/changeset');

const versions = (dir: string) =>
  Object.fromEntries(
    readdirSync(path.join(dir, 'packages')).map((p) => {
      const json = JSON.parse(readFileSync(path.join(dir, 'packages', p, 'package.json'), 'utf8'));
      return [json.name, json.version];
    }),
  );

describe('releases', () => {
  it('changeset version bumps exactly the packages a changeset names', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'dmls-clone-'));
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${root}`, clone]);
    for (const f of readdirSync(path.join(clone, '.changeset'))) if (f.endsWith('.md') && f !== 'README.md') rmSync(path.join(clone, '.changeset', f));
    writeFileSync(path.join(clone, '.changeset', 'sample.md'), '---\n"@dmls/content": patch\n---\n\nFix a typo in chapter 4.\n');
    const before = versions(clone);
    execFileSync(changeset, ['version'], { cwd: clone, stdio: 'pipe' });
    const after = versions(clone);
    const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
    expect(changed).toEqual(['@dmls/content']);
    expect(readFileSync(path.join(clone, 'packages/content/CHANGELOG.md'), 'utf8')).toContain('Fix a typo in chapter 4.');
    expect(existsSync(path.join(clone, '.changeset', 'sample.md'))).toBe(false);
  });

  it('Changesets is set up for public packages on main', () => {
    const config = JSON.parse(readFileSync(path.join(root, '.changeset/config.json'), 'utf8'));
    expect(config).toMatchObject({ access: 'public', baseBranch: 'main' });
  });

  it('names the editions with the version and writes checksums', () => {
    execFileSync('node', [path.join(root, 'scripts/editions-release.mjs')], { cwd: root, stdio: 'pipe' });
    const { version } = JSON.parse(readFileSync(path.join(root, 'packages/content/package.json'), 'utf8'));
    const files = readdirSync(path.join(root, 'dist/release')).sort();
    expect(files).toEqual(
      [`designing-ml-systems-${version}-html.zip`, `designing-ml-systems-${version}.epub`, `designing-ml-systems-${version}.pdf`, 'SHA256SUMS'].sort(),
    );
    const sums = readFileSync(path.join(root, 'dist/release/SHA256SUMS'), 'utf8');
    expect(sums.trim().split('\n')).toHaveLength(3);
  });

  it('release:check passes for every public package', () => {
    const out = execFileSync('node', [path.join(root, 'scripts/release-check.mjs')], { cwd: root, encoding: 'utf8' });
    expect(out).not.toContain('✗');
  });
});
