#!/usr/bin/env node
// `pnpm build`: Turbo, with the Chromium version in the environment so that the PDF edition's
// cache key changes when the browser that prints it does.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const chromium = candidates.find((p) => existsSync(p));
let version = 'none';
try {
  if (chromium) version = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  version = 'unknown';
}
const args = ['exec', 'turbo', 'run', 'build', '//#types', 'edition:html', 'edition:epub', 'edition:pdf', ...process.argv.slice(2)];
const result = spawnSync('pnpm', args, { stdio: 'inherit', env: { ...process.env, DMLS_CHROMIUM_VERSION: version } });
process.exit(result.status ?? 1);
