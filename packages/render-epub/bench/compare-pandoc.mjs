// Times the EPUB build of a book against pandoc's, each in a fresh process, and compares sizes.
// Usage, from the repository root after `pnpm build:packages`:
//   node packages/render-epub/bench/compare-pandoc.mjs [CONTENT_DIR] [RUNS]   (KEEP=1 keeps both files)
// Pandoc gets the same content in the same shape: one file per chapter (front matter removed, the
// title as its `#` heading, so that it also writes one XHTML file per chapter), the glossary, and
// our cover image and embedded font.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolve(process.argv[2] ?? join(here, '../../../content/designing-ml-systems'));
const runs = Number(process.argv[3] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'dmls-epub-bench-'));
const coreUrl = new URL('../../core/dist/index.js', import.meta.url).href;
const epubUrl = new URL('../dist/index.js', import.meta.url).href;
const ours = join(work, 'dmls.epub');
const theirs = join(work, 'pandoc.epub');

const build = `
const { compile } = await import(${JSON.stringify(coreUrl)});
const { renderEpub } = await import(${JSON.stringify(epubUrl)});
const { writeFileSync } = await import('node:fs');
const started = performance.now();
const { book, diagnostics } = await compile(${JSON.stringify(contentDir)});
if (!book) { console.error(diagnostics.length + ' diagnostics'); process.exit(1); }
const compiled = performance.now();
writeFileSync(${JSON.stringify(ours)}, await renderEpub(book));
console.log(JSON.stringify({ compile: compiled - started, render: performance.now() - compiled }));
`;

const median = (values) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);

/** Runs a command `runs` times: the wall times, and what it printed as JSON on its last line. */
function time(command, args) {
  const walls = [];
  const reports = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    walls.push(performance.now() - start);
    const last = result.stdout.trim().split('\n').pop();
    if (last?.startsWith('{')) reports.push(JSON.parse(last));
  }
  return { wall: median(walls), reports };
}

try {
  const { compile } = await import(coreUrl);
  const { unzipSync } = await import('fflate');
  const { book } = await compile(contentDir);
  if (!book) throw new Error(`${contentDir} does not compile: run \`dmls check\` on it`);
  // A file, not `--input-type=module -e`: worker threads inherit that flag and cannot start with it.
  const buildScript = join(work, 'build.mjs');
  writeFileSync(buildScript, build);
  const ourRun = time(process.execPath, [buildScript]);
  const ourTime = ourRun.wall;
  const compileTime = median(ourRun.reports.map((report) => report.compile));
  const renderTime = median(ourRun.reports.map((report) => report.render));

  const files = unzipSync(readFileSync(ours));
  const fontPath = Object.keys(files).find((path) => path.endsWith('.woff2'));
  writeFileSync(join(work, 'cover.svg'), files['OEBPS/cover.svg']);
  if (fontPath) writeFileSync(join(work, 'font.woff2'), files[fontPath]);
  const inputs = [book.introduction, ...book.chapters].map((chapter, index) => {
    const file = join(work, `${String(index).padStart(2, '0')}-${chapter.id}.md`);
    const title = chapter.number === 0 ? chapter.title : `Chapter ${chapter.number}. ${chapter.title}`;
    writeFileSync(file, `# ${title}\n\n${chapter.markdown}\n`);
    return file;
  });
  const glossary = join(work, 'glossary.md');
  writeFileSync(glossary, `# Glossary\n\n${book.glossary.map((entry) => `**${entry.term}**: ${entry.definition}`).join('\n\n')}\n`);
  const pandocArgs = [
    '-f', 'gfm+tex_math_dollars', '-t', 'epub3', '--mathml', '--toc-depth=6',
    `--resource-path=${join(contentDir, 'chapters')}:${contentDir}`,
    '--metadata', `title=${book.title}`, '--metadata', `lang=${book.language}`,
    `--epub-cover-image=${join(work, 'cover.svg')}`,
    ...(fontPath ? [`--epub-embed-font=${join(work, 'font.woff2')}`] : []),
    '-o', theirs, ...inputs, glossary,
  ];
  const theirTime = time('pandoc', pandocArgs).wall;

  const ourSize = statSync(ours).size;
  const theirSize = statSync(theirs).size;
  console.log(`| build (${runs} runs, median) | time (ms) | size (bytes) |\n|---|---:|---:|`);
  console.log(`| @dmls/core compile + @dmls/render-epub | ${ourTime} | ${ourSize} |`);
  console.log(`|   of which compile (in process) | ${compileTime} | |`);
  console.log(`|   of which renderEpub (in process) | ${renderTime} | |`);
  console.log(`| pandoc, same content | ${theirTime} | ${theirSize} |`);
  console.log(`\ntime ratio ${(ourTime / theirTime).toFixed(2)} (target ≤ 0.50; renderEpub alone ${(renderTime / theirTime).toFixed(2)}); size ratio ${(ourSize / theirSize).toFixed(3)} (target ≤ 1)`);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); else console.log(work);
}
