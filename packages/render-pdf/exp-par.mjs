import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
let t0 = Date.now(); const lap = (m) => console.log(((Date.now()-t0)/1000).toFixed(2), m);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true,
  args: ['--no-sandbox','--headless','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--font-render-hinting=none'] });
lap('launch');
async function job(name) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.emulateMediaType('print');
  await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });
  lap(name + ' loaded');
  await page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: 0, tagged: true, outline: true });
  lap(name + ' printed');
}
t0 = Date.now(); await job('seq'); 
t0 = Date.now(); await Promise.all([job('A'), job('B')]);
await browser.close();
