import puppeteer from 'puppeteer-core';
import { writeFileSync } from 'node:fs';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, args: ['--no-sandbox','--headless','--disable-gpu'] });
const page = (await browser.pages())[0];
await page.goto('file:///tmp/exp/t1.html');
writeFileSync('/tmp/exp/t1-all.pdf', await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true }));
writeFileSync('/tmp/exp/t1-range.pdf', await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, pageRanges: '4-' }));
await browser.close();
