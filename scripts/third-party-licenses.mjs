// Writes the licence of every package that tsup bundled into dist/, as their licences ask of
// copies: the package's name, version, licence and, where it ships one, its licence file.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Reads esbuild's metafile, writes the notices, and removes the metafile (it is not published). */
export function writeThirdPartyLicenses(metafile, out) {
  const { inputs } = JSON.parse(readFileSync(metafile, 'utf8'));
  const dirs = new Map();
  for (const input of Object.keys(inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match) dirs.set(match[2], path.resolve(match[1]));
  }
  const sections = [...dirs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const license = pkg.license ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? 'see the package';
    const file = readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `(${name} ships no licence file; package.json names ${license}.)`;
    return `## ${name} ${pkg.version}\n\nLicence: ${license}\n\n${text}\n`;
  });
  writeFileSync(out, `# Third-party code in this package\n\ndist/ bundles these packages (tsup.config.ts says why).\n\n${sections.join('\n')}`);
  rmSync(metafile);
}
