import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * The system's Chromium, never a downloaded one, launched as the browser tests of every package
 * launch it: headless and quiet, and without the address bar's popup that Chromium 151+ renders
 * even when headless (a second of CPU per launch on a two-core machine).
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.PUPPETEER_EXECUTABLE_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('No Chromium: apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH.');
  return puppeteer.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
  });
}
