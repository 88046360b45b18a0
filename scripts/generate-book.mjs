#!/usr/bin/env node
// Writes a synthetic book in the authoring format, with the real book's mix of content (headings,
// lists, tables, footnotes, figures, cross-references, code, callouts, math), scaled by a factor.
// Deterministic from a seed. Usage: node scripts/generate-book.mjs OUT_DIR [--scale 10] [--seed 1]
import { cpSync, mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' } },
});
const out = positionals[0];
if (!out) {
  console.error('usage: node scripts/generate-book.mjs OUT_DIR [--scale N] [--seed N]');
  process.exit(1);
}
const scale = Number(values.scale);
let state = Number(values.seed) >>> 0 || 1;
// xorshift32: the same seed gives the same book on every machine.
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const WORDS = `model data feature training label sample pipeline prediction latency metric drift deployment
monitoring system batch stream service store version experiment evaluation baseline cluster compute
storage schema column row table query signal user traffic error budget window shift distribution
accuracy recall precision threshold gradient loss weight layer embedding vector index cache team owner`.split(/\s+/);
const sentence = () => {
  const n = 8 + Math.floor(random() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};
const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');

const CHAPTERS = 11;
const SECTIONS = 28 * scale; // ~6,300 words a chapter at scale 1, like the real book
const root = path.resolve(out);
rmSync(root, { recursive: true, force: true });
mkdirSync(path.join(root, 'chapters'), { recursive: true });
mkdirSync(path.join(root, 'figures'), { recursive: true });
const realFigures = path.resolve(import.meta.dirname, '../content/designing-ml-systems/figures');
const figures = readdirSync(realFigures).filter((f) => f.endsWith('.svg')).slice(0, 8);
for (const f of figures) cpSync(path.join(realFigures, f), path.join(root, 'figures', f));

writeFileSync(
  path.join(root, 'book.yaml'),
  `title: Synthetic Book ×${scale}
language: en
identifier: urn:uuid:00000000-0000-4000-8000-${String(scale).padStart(12, '0')}
description: A generated book for benchmarks, ${scale} times the size of the real one.
credits:
  - name: dmls benchmarks
    role: author
source: { title: Designing Machine Learning Systems, author: Chip Huyen, publisher: O'Reilly Media, year: 2022 }
license: { content: CC-BY-4.0, code: MIT }
lint: { long-paragraph: 'off', unused-figure: 'off', unused-term: 'off', keyword-not-in-glossary: 'off' }
`,
);
writeFileSync(path.join(root, 'introduction.md'), `---\ntitle: Introduction\nsummary: Generated.\n---\n\n${paragraph()}\n\n## About\n\n${paragraph()}\n`);
const slug = (n) => `chapter-${n}`;
for (let c = 1; c <= CHAPTERS; c++) {
  const parts = [`---\ntitle: Chapter ${c}\nsummary: A generated chapter.\n---\n\n${paragraph()}\n`];
  let notes = 0;
  for (let s = 1; s <= SECTIONS; s++) {
    parts.push(`## Section ${c}.${s}\n\n${paragraph()}\n\n${paragraph()}\n`);
    parts.push(`### Details ${c}.${s}\n\n${paragraph()} See [section ${s}](${String(1 + Math.floor(random() * CHAPTERS)).padStart(2, '0')}-${slug(0)}.md#section-${c}${s}).\n`);
    const kind = s % 6;
    if (kind === 0) parts.push(`- ${sentence()}\n- ${sentence()}\n- ${sentence()}\n`);
    if (kind === 1) parts.push(`| Option | Latency | Cost |\n|---|--:|---|\n| ${pick(WORDS)} | ${Math.floor(random() * 900)} ms | low |\n| ${pick(WORDS)} | ${Math.floor(random() * 900)} ms | high |\n`);
    if (kind === 2) parts.push(`\`\`\`python\ndef ${pick(WORDS)}(x):\n    return x * ${Math.floor(random() * 9)}  # ${pick(WORDS)}\n\`\`\`\n`);
    if (kind === 3) parts.push(`> [!TIP]\n> ${sentence()}\n`);
    if (kind === 4) parts.push(`A formula: $p = \\frac{k}{n}$, cited.[^n${++notes}]\n`);
    if (kind === 5) parts.push(`![A generated figure.](../figures/${figures[Math.floor(s / 6) % figures.length]} "A figure.")\n`);
  }
  parts.push(`## Key takeaways\n\n- ${sentence()}\n- ${sentence()}\n`);
  for (let n = 1; n <= notes; n++) parts.push(`[^n${n}]: ${sentence()}`);
  writeFileSync(path.join(root, 'chapters', `${String(c).padStart(2, '0')}-${slug(c)}.md`), `${parts.join('\n')}\n`);
}
// Links must point at real chapters and anchors: rewrite the placeholders now that all exist.
for (let c = 1; c <= CHAPTERS; c++) {
  const file = path.join(root, 'chapters', `${String(c).padStart(2, '0')}-${slug(c)}.md`);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'utf8').replace(/\]\((\d\d)-chapter-0\.md#section-(\d+)\)/g, (_m, nn) => {
    const target = Number(nn);
    const s = 1 + Math.floor(random() * SECTIONS);
    return `](${nn}-${slug(target)}.md#section-${target}${s})`;
  });
  writeFileSync(file, text);
}
writeFileSync(path.join(root, 'glossary.yaml'), `- term: Model\n  definition: A generated term.\n  chapters: [${slug(1)}]\n`);
console.error(`generate-book: ${root} (scale ${scale}, seed ${values.seed})`);
