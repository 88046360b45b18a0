import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/helpers/chromium.js';
import { startDevServer, type DevServer } from '../src/dev-server.js';

const fixture = path.resolve(import.meta.dirname, '../../../tests/fixtures/book');
let browser: Browser;
let server: DevServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dmls-dev-browser-'));
  cpSync(fixture, dir, { recursive: true });
  server = await startDevServer({ dir, port: 4600 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dmls dev in a browser', () => {
  it('reloads on save, shows compile errors as an overlay, and clears it when fixed', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('first-steps.html', server.url).href, { waitUntil: 'load' });
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Done task');

    const chapter = path.join(dir, 'chapters', '01-first-steps.md');
    let reloaded = page.waitForNavigation({ waitUntil: 'load' });
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('Done task', 'Task finished in the browser'));
    await reloaded;
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Task finished in the browser');

    const bookYaml = path.join(dir, 'book.yaml');
    const good = readFileSync(bookYaml, 'utf8');
    writeFileSync(bookYaml, 'title: [unclosed\n');
    const overlay = await page.waitForSelector('#dmls-dev-overlay', { timeout: 15_000 });
    const text = await overlay!.evaluate((el) => el.textContent);
    expect(text).toMatch(/book\.yaml:\d+:\d+/);
    expect(text).toContain('yaml-syntax');

    reloaded = page.waitForNavigation({ waitUntil: 'load' });
    writeFileSync(bookYaml, good);
    await reloaded;
    expect(await page.$('#dmls-dev-overlay')).toBeNull();
  });
});
