import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../src/dev-server.js';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'packages/cli/dist/bin.js');
const fixture = path.join(root, 'tests/fixtures/book');
const broken = path.join(root, 'packages/core/test/fixtures/every-error');

async function dmls(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dmls check', () => {
  it('passes a clean book', async () => {
    const result = await dmls('check', fixture);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/2 chapters, .* no errors/);
  });

  it('reports every problem grouped by file, sorted, with rule ids and hints, and exits 1', async () => {
    const result = await dmls('check', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('packages/core/test/fixtures/every-error/chapters/01-one.md\n  4:1      error   Unknown field `extra`  unknown-field');
    expect(result.stderr).toMatch(/→ Did you mean `#part-a`\?/);
    expect(result.stderr).toMatch(/\d+ error\(s\), \d+ warning\(s\)/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('speaks JSON for tools', async () => {
    const result = await dmls('check', '--format', 'json', broken);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; ruleId: string }[] };
    expect(result.code).toBe(1);
    expect(diagnostics.map((d) => d.ruleId)).toContain('link-anchor');
    expect(diagnostics.every((d) => d.line > 0)).toBe(true);
  });
});

describe('dmls build', () => {
  it('writes the HTML edition and a summary of outputs', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dmls-out-'));
    const result = await dmls('build', '--format', 'html', '--out', out, fixture);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/output\s+size\s+time\n.*html\s+[\d.]+ KB\s+[\d.]+ s/);
    expect(readdirSync(path.join(out, 'html'))).toContain('index.html');
  });

  it('writes nothing when the book has errors', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'dmls-out-')), 'dist');
    const result = await dmls('build', '--format', 'html', '--out', out, broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('explains mistakes without a stack trace', async () => {
    const unknown = await dmls('build', '--format', 'docx', fixture);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown format docx.');
    expect(unknown.stderr).toContain('Use one or more of html, epub, pdf.');
    const missing = await dmls('check', '/nonexistent/book');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No book at /nonexistent/book');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('dmls dev', () => {
  it('serves the book, rebuilds on save, reports errors and recovers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmls-dev-'));
    cpSync(fixture, dir, { recursive: true });
    const server = await startDevServer({ dir, port: 4500 });
    try {
      const page = () => fetch(new URL('first-steps.html', server.url)).then((r) => r.text());
      expect(await page()).toContain('Lists and tasks');
      const file = path.join(dir, 'chapters', '01-first-steps.md');
      const original = readFileSync(file, 'utf8');

      let rebuilt = server.nextRebuild();
      writeFileSync(file, original.replace('Done task', 'Finished task, edited'));
      expect((await rebuilt).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(await page()).toContain('Finished task, edited');

      rebuilt = server.nextRebuild();
      writeFileSync(path.join(dir, 'book.yaml'), 'title: [unclosed\n');
      const failed = await rebuilt;
      expect(failed.diagnostics.some((d) => d.ruleId === 'yaml-syntax' && d.file.endsWith('book.yaml'))).toBe(true);
      // The last good site stays up while the book is broken.
      expect(await page()).toContain('Finished task, edited');

      rebuilt = server.nextRebuild();
      cpSync(path.join(fixture, 'book.yaml'), path.join(dir, 'book.yaml'));
      expect((await rebuilt).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      await server.close();
    }
    // Closed means closed: the port is free again.
    const again = await startDevServer({ dir, port: 4500 });
    expect(again.url).toBe('http://127.0.0.1:4500/');
    await again.close();
  });
});
