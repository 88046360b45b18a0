import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';

/** Refuses every request of the page but `data:` URLs and files inside `dirs`. */
export async function allowOnly(page: Page, dirs: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (isReadable(request.url(), dirs)) void request.continue();
    else void request.abort('blockedbyclient');
  });
}

/** Whether the page may load `url`: `data:` URLs and files inside `dirs`. */
export function isReadable(url: string, dirs: string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  const file = path.resolve(fileURLToPath(url));
  return dirs.some((dir) => file === dir || file.startsWith(dir + path.sep));
}
