import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
let last = Date.now(); const lap = (m) => { const n = Date.now(); process.stdout.write(`${m} ${((n-last)/1000).toFixed(2)}\n`); last = n; };
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true,
  args: ['--no-sandbox','--headless','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--font-render-hinting=none'] });
const page = (await browser.pages())[0];
await page.emulateMediaType('print');
await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });
lap('load');
for (const r of ['1-5', '1-5', '', '100-216', '1-108']) {
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: 0, tagged: true, outline: true, pageRanges: r });
  lap(`range ${r || 'all'} ${pdf.length}`);
}
await browser.close();
