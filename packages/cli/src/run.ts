import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildEditions, FORMATS, type Format } from './build.js';
import { CliError } from './errors.js';
import { compileDir, loadPackage, type LoadedBook } from './load-book.js';
import { formatBytes, Reporter } from './reporter.js';

const HELP = `Usage:
  dmls build [--format html,epub,pdf] [--out DIR] [--book PACKAGE] [CONTENT_DIR]
  dmls check [--format text|json] [CONTENT_DIR]

Commands:
  build   compile the book and write its editions (default: all three, into dist/)
  check   compile the book and report every problem; writes nothing

Options:
  --format LIST   editions to build (html, epub, pdf), comma-separated; for check: text or json
  --out DIR       output folder (default: dist)
  --book PACKAGE  build from a compiled content package (e.g. @dmls/content) instead of a folder
  --quiet         print nothing but errors
  --json          machine-readable output on stdout
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
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
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
    if (command === 'check') return await check(dir, reporter);
    if (command === 'build') {
      const formats = parseFormats(values.format);
      const loaded = values.book ? await loadPackage(values.book) : await compileDir(dir, (d) => reporter.progress('compile', d));
      const book = ensureBook(loaded, reporter);
      if (!book) return 1;
      const outputs = await buildEditions(book, formats, values.out, loaded.version, reporter);
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

async function check(dir: string | undefined, reporter: Reporter): Promise<number> {
  const loaded = await compileDir(dir);
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
