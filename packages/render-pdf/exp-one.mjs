import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
const t0 = Date.now(); let last = t0; const lap = (m) => { const n = Date.now(); process.stdout.write(`${m} ${((n-last)/1000).toFixed(2)}  `); last = n; };
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true,
  args: ['--no-sandbox','--headless','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--font-render-hinting=none'] });
lap('launch');
const page = (await browser.pages())[0];
await page.emulateMediaType('print');
await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });
lap('load');
const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: 0, tagged: true, outline: true });
lap('print'); console.log(process.argv[2], pdf.length);
await browser.close();
