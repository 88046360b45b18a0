import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
const t0 = Date.now(); const lap = (m) => console.log(((Date.now()-t0)/1000).toFixed(2), m);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true,
  args: ['--no-sandbox','--headless','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--font-render-hinting=none'] });
lap('launched');
const page = (await browser.pages())[0];
await page.emulateMediaType('print');
await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });
lap('loaded');
if (process.argv[3]) { await page.addStyleTag({ content: process.argv[3] }); lap('css'); }
for (const [name, o] of [['plain', {}], ['tagged+outline', { tagged: true, outline: true }], ['plain-again', {}]]) {
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: 0, ...o });
  lap(`${name} ${pdf.length}`);
}
await browser.close();
