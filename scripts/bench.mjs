#!/usr/bin/env node
// `pnpm bench`: times each step of the pipeline as a whole process, over several runs after a
// warm-up, with the peak memory of its whole process tree (Chromium included), at 1×, 10× and
// 30× the real book, side by side with pandoc and a bare Chromium print. Prints a table and
// writes bench-results.json; `--write` also puts the table into BENCHMARKS.md.
// Usage: node scripts/bench.mjs [--runs 3] [--scales 1,10,30] [--only compile,html] [--write]
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scales: { type: 'string', default: 'real,1,10,30' },
    only: { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
// `real` is the book in content/; numbers are synthetic books of that many times its size.
const SCALES = values.scales.split(',').map((s) => (s === 'real' ? s : Number(s)));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const work = path.join(os.tmpdir(), 'dmls-bench');
const dmls = path.join(root, 'packages/cli/dist/bin.js');
const chromium = process.env.PUPPETEER_EXECUTABLE_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** A process and all its descendants, from each thread's list of children in /proc. */
function processTree(pid) {
  const tree = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    tree.push(p);
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(' ').map(Number));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return tree;
}

/** Sum of the resident memory of a process tree. */
function treeRss(pid) {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // Ended.
    }
  }
  return total;
}

/**
 * Runs a command once: wall time and, with `sample`, the peak memory of its process tree (read
 * every 25 ms). Sampling costs CPU that the measured command would otherwise have on a two-core
 * machine, so timed runs are not sampled: memory comes from the warm-up run.
 */
function measure(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: options.cwd ?? root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    let peak = 0;
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = options.sample ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 25) : undefined;
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peak, code, output });
    });
  });
}

async function series(name, cmd, args, options = {}) {
  if (only && !only.has(name.split(' ')[0]) && !only.has(name.split(' ')[0].replace(/-cold$/, ''))) return undefined;
  const runs = options.runs ?? RUNS;
  // Memory is read in the warm-up run; a step without one (the long ones) is sampled as it is timed.
  const warmup = options.warmup !== false ? await measure(cmd, args, { ...options, sample: true }) : undefined;
  const results = [];
  for (let i = 0; i < runs; i++) {
    options.before?.();
    const r = await measure(cmd, args, { ...options, sample: !warmup && i === 0 });
    if (r.code !== 0) {
      process.stderr.write(`bench: ${name} failed (exit ${r.code}):\n${r.output.slice(-2000)}\n`);
      return { name, failed: true };
    }
    results.push(r);
  }
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const row = {
    name,
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times.at(-1),
    peakMb: Math.max(warmup?.peak ?? 0, ...results.map((r) => r.peak)) / 1024 / 1024,
    runs,
  };
  process.stderr.write(`bench: ${name.padEnd(34)} ${fmt(row.median).padStart(9)} (${fmt(row.min)}–${fmt(row.max)}), ${row.peakMb.toFixed(0)} MB\n`);
  return row;
}

const tag = (scale) => (scale === 'real' ? 'real book' : `${scale}×`);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

// pandoc gets the same content: introduction, chapters and glossary as Markdown (front matter
// stripped into titles) and, for the EPUB, our cover and embedded font and the full-depth contents.
function pandocInputs(dir) {
  const files = [path.join(dir, 'introduction.md'), ...readdirSync(path.join(dir, 'chapters')).sort().map((f) => path.join(dir, 'chapters', f))];
  const plain = path.join(work, `pandoc-${path.basename(dir)}`);
  rmSync(plain, { recursive: true, force: true });
  mkdirSync(plain, { recursive: true });
  const inputs = files.map((file, i) => {
    const text = readFileSync(file, 'utf8');
    const title = /^title:\s*(.+)$/m.exec(text)?.[1] ?? path.basename(file);
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\]\(\.\.\/figures\//g, '](figures/');
    const out = path.join(plain, `${String(i).padStart(2, '0')}.md`);
    writeFileSync(out, `# ${title}\n\n${body}`);
    return out;
  });
  const glossaryFile = path.join(dir, 'glossary.yaml');
  if (existsSync(glossaryFile)) {
    const { parse } = createRequire(path.join(root, 'packages/core/package.json'))('yaml');
    const raw = parse(readFileSync(glossaryFile, 'utf8'));
    const entries = Array.isArray(raw) ? raw : (raw?.terms ?? Object.entries(raw ?? {}).map(([term, definition]) => ({ term, definition })));
    const out = path.join(plain, 'glossary.md');
    writeFileSync(out, `# Glossary\n\n${entries.map((e) => `**${e.term}**: ${typeof e.definition === 'string' ? e.definition : JSON.stringify(e.definition)}`).join('\n\n')}\n`);
    inputs.push(out);
  }
  return inputs;
}

/** Our EPUB's cover and code font, for pandoc's EPUB. */
function pandocEpubExtras(epubFile) {
  if (!existsSync(epubFile)) return [];
  const files = unzipSync(readFileSync(epubFile));
  const extras = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('cover.svg')) {
      writeFileSync(path.join(work, 'cover.svg'), data);
      extras.push(`--epub-cover-image=${path.join(work, 'cover.svg')}`);
    } else if (name.endsWith('.woff2')) {
      writeFileSync(path.join(work, path.basename(name)), data);
      extras.push(`--epub-embed-font=${path.join(work, path.basename(name))}`);
    }
  }
  return extras;
}

async function main() {
  if (!existsSync(dmls)) {
    console.error('bench: build first (pnpm build).');
    process.exit(1);
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const rows = [];
  const push = (row, scale) => row && rows.push({ scale, ...row });
  const pandoc = has('pandoc');
  if (!pandoc) process.stderr.write('bench: pandoc is not installed (apt-get install pandoc); skipping its rows.\n');

  for (const scale of SCALES) {
    const dir = scale === 'real' ? path.join(root, 'content/designing-ml-systems') : path.join(work, `book-${scale}x`);
    if (scale !== 'real') execFileSync('node', [path.join(root, 'scripts/generate-book.mjs'), dir, '--scale', String(scale)], { stdio: 'ignore' });
    const out = path.join(work, `out-${scale}x`);
    const heavy = scale >= 10 ? { runs: 1, warmup: false } : {};
    // Warm rows always get one unmeasured run first: it leaves the compile cache they reuse.
    const warm = scale >= 10 ? { runs: 1 } : {};
    // Cold: every chapter compiled afresh (--no-cache). Warm: unchanged chapters come from the
    // caches that the previous run left, as in a rebuild after editing.
    push(await series(`compile-cold ${tag(scale)}`, 'node', [dmls, 'check', '--quiet', '--no-cache', dir], heavy), scale);
    push(await series(`html-cold ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--no-cache', '--format', 'html', '--out', out, dir], heavy), scale);
    push(await series(`epub-cold ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--no-cache', '--format', 'epub', '--out', out, dir], heavy), scale);
    push(await series(`compile ${tag(scale)}`, 'node', [dmls, 'check', '--quiet', dir], warm), scale);
    // The HTML edition also keeps its rendered chapters (the render cache): its warm-up run fills it.
    push(await series(`html ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--format', 'html', '--out', out, dir], warm), scale);
    push(await series(`epub ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--format', 'epub', '--out', out, dir], warm), scale);
    // A rebuild after editing: before each timed run, one chapter (of a copy of the book) gets a
    // new sentence, so that it alone is compiled again and every page is written again.
    if (scale === 'real' || scale <= 1) {
      const copy = path.join(work, `edited-${scale}`);
      rmSync(copy, { recursive: true, force: true });
      cpSync(dir, copy, { recursive: true });
      const chapter = path.join(copy, 'chapters', readdirSync(path.join(copy, 'chapters')).sort()[2]);
      let edits = 0;
      const edit = { before: () => appendFileSync(chapter, `\nA sentence added by the benchmark, edit ${++edits}.\n`) };
      push(await series(`html-edit ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--format', 'html', '--out', out, copy], edit), scale);
      push(await series(`epub-edit ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--format', 'epub', '--out', out, copy], edit), scale);
    }
    if (scale === 'real' || scale <= 10) push(await series(`pdf ${tag(scale)}`, 'node', [dmls, 'build', '--quiet', '--format', 'pdf', '--out', out, dir], { runs: scale >= 10 ? 1 : RUNS, warmup: !(scale >= 10) }), scale);
    if (pandoc) {
      const inputs = pandocInputs(dir);
      const resource = ['--resource-path', dir];
      const extras = ['--toc-depth=6', ...pandocEpubExtras(path.join(out, 'designing-ml-systems.epub'))];
      push(await series(`pandoc-epub ${tag(scale)}`, 'pandoc', [...resource, ...extras, '--metadata', 'title=Book', '-o', path.join(work, `p-${scale}.epub`), ...inputs], heavy), scale);
      push(await series(`pandoc-html ${tag(scale)}`, 'pandoc', [...resource, '-s', '--metadata', 'title=Book', '-o', path.join(work, `p-${scale}.html`), ...inputs], heavy), scale);
    }
    const single = path.join(out, 'html', 'book.html');
    if (chromium && (scale === 'real' || scale <= 10) && existsSync(single)) {
      push(
        await series(`chromium-print ${tag(scale)}`, chromium, [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
          // As the renderer does: without it, Chromium 151+ also renders its address bar's popup.
          '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
          `--user-data-dir=${path.join(work, 'chrome-profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, `bare-${scale}.pdf`)}`, `file://${single}`,
        ], scale >= 10 ? { runs: 1, warmup: false } : {}),
        scale,
      );
    }
    for (const ext of ['epub', 'pdf']) {
      const file = path.join(out, `${path.basename(dir)}.${ext}`);
      if (existsSync(file)) rows.push({ scale, name: `size ${ext} ${tag(scale)}`, bytes: readFileSync(file).byteLength });
    }
    const pandocEpub = path.join(work, `p-${scale}.epub`);
    if (existsSync(pandocEpub)) rows.push({ scale, name: `size pandoc-epub ${tag(scale)}`, bytes: readFileSync(pandocEpub).byteLength });
  }

  // The content package's own build (the book compiled into modules, JSON and SVG files, then
  // bundled by tsup), as `pnpm build` runs it: without its compile cache, and with it.
  if (!only || only.has('content-build')) {
    const cwd = path.join(root, 'packages/content');
    const build = ['-c', 'node scripts/generate.mjs && ../../node_modules/.bin/tsup --silent'];
    const noCache = { before: () => rmSync(path.join(cwd, 'node_modules/.cache/dmls'), { recursive: true, force: true }) };
    push(await series('content-build-cold real book', 'sh', build, { cwd, ...noCache }), 'real');
    push(await series('content-build real book', 'sh', build, { cwd }), 'real');
  }

  // The content package: import time of everything and of one chapter, in a fresh process each.
  const contentDist = path.join(root, 'packages/content/dist');
  const importScript = (target) => `const t=performance.now();await import(${JSON.stringify(target)});console.log(performance.now()-t)`;
  for (const [name, target] of [['import content', path.join(contentDist, 'index.js')], ['import one chapter', path.join(contentDist, 'chapters/training-data.js')]]) {
    if (only && !only.has('import')) break;
    const times = [];
    for (let i = 0; i < Math.max(5, RUNS); i++) {
      const r = await measure('node', ['--input-type=module', '-e', importScript(target)]);
      times.push(Number(r.output.trim()));
    }
    times.sort((a, b) => a - b);
    rows.push({ scale: 1, name, median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1), runs: times.length });
    process.stderr.write(`bench: ${name.padEnd(34)} ${fmt(times[Math.floor(times.length / 2)])}\n`);
  }

  // The whole build, cold (no Turbo cache) and warm (nothing changed).
  if (!only || only.has('turbo')) {
    push(await series('pnpm build cold', 'node', ['scripts/turbo-build.mjs', '--force', '--output-logs=none'], { runs: 1, warmup: false }), 1);
    push(await series('pnpm build warm', 'node', ['scripts/turbo-build.mjs', '--output-logs=none'], { runs: RUNS }), 1);
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
  const result = { date: new Date().toISOString(), machine, command: `node scripts/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(), rows };
  writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(result, null, 2)}\n`);
  const table = renderTable(result);
  process.stdout.write(`${table}\n`);
  if (values.write) {
    const file = path.join(root, 'BENCHMARKS.md');
    const text = readFileSync(file, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    writeFileSync(file, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
  }
}

function renderTable({ date, machine, command, rows }) {
  const lines = [`Measured ${date.slice(0, 10)} on ${machine}, with \`${command}\`.`, '', '| step | median | min–max | peak memory (process tree) |', '|---|--:|--:|--:|'];
  for (const r of rows) {
    if (r.failed) lines.push(`| ${r.name} | failed | | |`);
    else if (r.bytes !== undefined) lines.push(`| ${r.name} | ${(r.bytes / 1024).toFixed(0)} KB | | |`);
    else lines.push(`| ${r.name} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.peakMb ? `${r.peakMb.toFixed(0)} MB` : ''} |`);
  }
  const get = (name) => rows.find((r) => r.name === name && !r.failed && r.median !== undefined);
  const numeric = SCALES.filter((s) => s !== 'real');
  const ratios = [];
  for (const scale of SCALES) {
    for (const [ours, theirs] of [
      [`epub-cold ${tag(scale)}`, `pandoc-epub ${tag(scale)}`],
      [`epub ${tag(scale)}`, `pandoc-epub ${tag(scale)}`],
      [`html-cold ${tag(scale)}`, `pandoc-html ${tag(scale)}`],
      [`html ${tag(scale)}`, `pandoc-html ${tag(scale)}`],
      [`pdf ${tag(scale)}`, `chromium-print ${tag(scale)}`],
    ]) {
      const a = get(ours);
      const b = get(theirs);
      if (a && b) ratios.push(`| ${ours} / ${theirs} | ${(a.median / b.median).toFixed(2)} |`);
    }
  }
  if (ratios.length) lines.push('', '| ratio (ours / reference) | median time |', '|---|--:|', ...ratios);
  const growth = [];
  for (const step of ['compile-cold', 'html-cold', 'epub-cold', 'compile', 'html', 'epub', 'pdf']) {
    const base = get(`${step} ${numeric[0]}×`);
    for (const scale of numeric.slice(1)) {
      const big = get(`${step} ${tag(scale)}`);
      const factor = scale / numeric[0];
      if (base && big) growth.push(`| ${step} | ${tag(scale)} | ${(big.median / base.median).toFixed(1)}× the time | ${big.median / base.median <= factor * 1.15 ? 'linear or better' : 'super-linear'} |`);
    }
  }
  if (growth.length) lines.push('', `| step | size | growth from the synthetic ${numeric[0]}× book | |`, '|---|--:|--:|---|', ...growth);
  return lines.join('\n');
}

await main();
