#!/usr/bin/env node
// `pnpm editions:release`: names the built editions with the @dmls/content version and writes
// them, the zipped site and SHA256SUMS into dist/release/ (for a GitHub Release).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const { version } = JSON.parse(readFileSync(path.join(root, 'packages/content/package.json'), 'utf8'));
const name = 'designing-ml-systems';
const release = path.join(dist, 'release');
for (const needed of [`${name}.epub`, `${name}.pdf`, 'html/index.html']) {
  if (!existsSync(path.join(dist, needed))) {
    console.error(`editions:release: dist/${needed} is missing; run pnpm build first.`);
    process.exit(1);
  }
}
rmSync(release, { recursive: true, force: true });
mkdirSync(release, { recursive: true });

const files = {
  [`${name}-${version}.epub`]: readFileSync(path.join(dist, `${name}.epub`)),
  [`${name}-${version}.pdf`]: readFileSync(path.join(dist, `${name}.pdf`)),
};
// The site as a zip with sorted entries and a fixed date, so that the same site gives the same bytes.
const site = {};
const walk = (dir, prefix) => {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, `${prefix}${entry}/`);
    else site[`${name}-${version}-html/${prefix}${entry}`] = [readFileSync(full), { mtime: new Date('2000-01-01T00:00:00Z') }];
  }
};
walk(path.join(dist, 'html'), '');
files[`${name}-${version}-html.zip`] = Buffer.from(zipSync(site, { level: 9 }));

const sums = [];
for (const [file, data] of Object.entries(files)) {
  writeFileSync(path.join(release, file), data);
  sums.push(`${createHash('sha256').update(data).digest('hex')}  ${file}`);
  console.log(`${file.padEnd(44)} ${(data.byteLength / 1024).toFixed(0).padStart(7)} KB`);
}
writeFileSync(path.join(release, 'SHA256SUMS'), `${sums.join('\n')}\n`);
console.log('SHA256SUMS');
