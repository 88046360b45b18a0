import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { RenderPdfError } from './errors.js';

const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable.';

/**
 * The Chromium to print with: `explicit`, else `PUPPETEER_EXECUTABLE_PATH`, else `CHROMIUM_PATH`,
 * else a system install (`/usr/bin/chromium`, then `chromium`, `chromium-browser`,
 * `google-chrome` on PATH). Never downloads one.
 */
export function findChromium(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = explicit ?? env.PUPPETEER_EXECUTABLE_PATH ?? env.CHROMIUM_PATH;
  if (given) {
    if (isExecutable(given)) return given;
    throw new RenderPdfError(`No executable Chromium at ${given}. ${INSTALL_HINT}`, 'no-browser');
  }
  for (const candidate of KNOWN_PATHS) if (isExecutable(candidate)) return candidate;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new RenderPdfError(`No Chromium found to print the PDF with. ${INSTALL_HINT}`, 'no-browser');
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
