import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildEditions, FORMATS, htmlCache, type Format } from './build.js';
import { CliError } from './errors.js';
import { cachePath, compileDir, DEFAULT_CONTENT_DIR, loadPackage, type LoadedBook } from './load-book.js';
import { formatBytes, Reporter } from './reporter.js';

const HELP = `Usage:
  dmls build [--format html,epub,pdf] [--out DIR] [--book PACKAGE] [CONTENT_DIR]
  dmls check [--format text|json] [CONTENT_DIR]
  dmls dev [--port N] [CONTENT_DIR]

Commands:
  build   compile the book and write its editions (default: all three, into dist/)
  check   compile the book and report every problem; writes nothing
  dev     serve the HTML edition on 127.0.0.1, rebuilding and reloading on every save

Options:
  --format LIST   editions to build (html, epub, pdf), comma-separated; for check: text or json
  --out DIR       output folder (default: dist)
  --port N        first port to try for dev (default 3000; the next free one is used)
  --book PACKAGE  build from a compiled content package (e.g. @dmls/content) instead of a folder
  --quiet         print nothing but errors
  --json          machine-readable output on stdout
  --no-cache      compile and render every chapter afresh (by default unchanged chapters,
                  and their HTML pages, come from node_modules/.cache/dmls)
  --debug         show stack traces
  -h, --help      show this help
  -v, --version   show the version

CONTENT_DIR defaults to content/designing-ml-systems.`;

/** Runs the CLI; resolves to the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string', default: 'dist' },
        book: { type: 'string' },
        port: { type: 'string', default: '3000' },
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: true },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    debug = values.debug;
    const [command, dir, ...rest] = positionals;
    if (values.help || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${__DMLS_VERSION__}\n`);
      return 0;
    }
    if (rest.length > 0) throw new CliError(`Unexpected argument ${rest[0]}.`, 'Give at most one CONTENT_DIR. See dmls --help.');
    const json = values.json || (command === 'check' && values.format === 'json');
    const reporter = new Reporter({ quiet: values.quiet, json, live: Boolean(process.stderr.isTTY) && !json });
    const useCache = values.cache && !values['no-cache'];
    if (command === 'check') return await check(dir, reporter, useCache);
    if (command === 'dev') return await dev(dir ?? DEFAULT_CONTENT_DIR, Number(values.port), reporter);
    if (command === 'build') {
      const formats = parseFormats(values.format);
      // Chapter pages rendered by the last build of this folder: read while the book compiles.
      const renderCache = useCache && !values.book && formats.includes('html') ? htmlCache(cachePath(dir, 'html')) : undefined;
      const loaded = values.book ? await loadPackage(values.book) : await compileDir(dir, (file) => reporter.progress('compile', file), useCache);
      const book = ensureBook(loaded, reporter);
      if (!book) return 1;
      const outputs = await buildEditions(book, formats, values.out, loaded.version, reporter, await renderCache);
      if (json) {
        process.stdout.write(`${JSON.stringify({ outputs, events: reporter.events }, null, 2)}\n`);
      } else {
        reporter.summary(outputs.map((o) => ({ output: path.relative(process.cwd(), o.output) || o.output, bytes: o.bytes, ms: o.ms })));
      }
      return 0;
    }
    throw new CliError(command ? `Unknown command ${command}.` : 'No command given.', 'Use dmls build or dmls check; see dmls --help.');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\ndmls: ${message}\n`);
    if (error instanceof CliError && error.hint) process.stderr.write(`  → ${error.hint}\n`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n${error.cause instanceof Error ? `cause: ${error.cause.stack}\n` : ''}`);
    else if (!(error instanceof CliError) || error.cause) process.stderr.write('  (run with --debug for details)\n');
    return error instanceof CliError ? 1 : 2;
  }
}

async function dev(dir: string, port: number, reporter: Reporter): Promise<number> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliError(`Invalid port ${port}.`, 'Give a number from 1 to 65535.');
  await compileDir(dir); // the same "no book here" message as build and check
  const { startDevServer } = await import('./dev-server.js');
  const server = await startDevServer({
    dir,
    port,
    onRebuild: ({ ms, diagnostics, changed }) => {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) reporter.diagnostics(errors);
      else reporter.progress('dev', `${changed.length ? `${changed.join(', ')}: ` : ''}rebuilt in ${Math.round(ms)} ms`);
      reporter.settle();
    },
  });
  process.stderr.write(`dmls dev: serving ${dir} at ${server.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

async function check(dir: string | undefined, reporter: Reporter, useCache: boolean): Promise<number> {
  const loaded = await compileDir(dir, undefined, useCache);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (reporter.options.json) {
    process.stdout.write(`${JSON.stringify({ diagnostics: loaded.diagnostics }, null, 2)}\n`);
  } else {
    reporter.diagnostics(loaded.diagnostics);
    if (loaded.book && !reporter.options.quiet) {
      const all = [loaded.book.introduction, ...loaded.book.chapters];
      const words = all.reduce((n, c) => n + c.wordCount, 0);
      const figures = all.reduce((n, c) => n + c.figures.length, 0);
      process.stderr.write(
        `${loaded.book.title}: ${loaded.book.chapters.length} chapters, ${words.toLocaleString('en')} words, ${figures} figures, ${loaded.book.glossary.length} glossary terms — ${errors === 0 ? 'no errors' : `${errors} error(s)`}\n`,
      );
    }
  }
  return errors > 0 ? 1 : 0;
}

function ensureBook(loaded: LoadedBook, reporter: Reporter) {
  reporter.diagnostics(loaded.diagnostics);
  if (!loaded.book) {
    process.stderr.write('dmls: the book has errors; nothing was written.\n');
    return undefined;
  }
  return loaded.book;
}

function parseFormats(value: string | undefined): Format[] {
  if (!value) return [...FORMATS];
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new CliError(`Unknown format ${f}.`, `Use one or more of ${FORMATS.join(', ')}.`);
  }
  return [...new Set(list)] as Format[];
}

export { formatBytes };
