import type { Diagnostic } from '@dmls/core';

export interface ReporterOptions {
  quiet?: boolean;
  json?: boolean;
  /** A live, rewritten status line (on a terminal) instead of plain log lines. */
  live?: boolean;
}

/** Where everything the CLI tells the user goes: progress, diagnostics and the closing summary. */
export class Reporter {
  private liveLine = false;
  readonly events: Record<string, unknown>[] = [];

  constructor(readonly options: ReporterOptions = {}) {}

  progress(step: string, message: string): void {
    if (this.options.json) {
      this.events.push({ type: 'progress', step, message });
      return;
    }
    if (this.options.quiet) return;
    if (this.options.live) {
      process.stderr.write(`\r\x1b[2K${step.padEnd(6)} ${message}`);
      this.liveLine = true;
    } else {
      process.stderr.write(`${step.padEnd(6)} ${message}\n`);
    }
  }

  /** Ends a live status line so that what follows starts on a fresh line. */
  settle(): void {
    if (this.liveLine) process.stderr.write('\n');
    this.liveLine = false;
  }

  diagnostics(all: readonly Diagnostic[]): void {
    if (this.options.json) return;
    this.settle();
    const list = this.options.quiet ? all.filter((d) => d.severity === 'error') : all;
    let file = '';
    for (const d of list) {
      if (d.file !== file) {
        file = d.file;
        process.stderr.write(`\n${file}\n`);
      }
      const where = `${d.line}:${d.column}`.padEnd(8);
      process.stderr.write(`  ${where} ${d.severity.padEnd(7)} ${d.message}  ${d.ruleId}\n`);
      if (d.hint) process.stderr.write(`  ${' '.repeat(8)} ${' '.repeat(7)} → ${d.hint}\n`);
    }
    if (list.length > 0) {
      const errors = list.filter((d) => d.severity === 'error').length;
      process.stderr.write(`\n${errors} error(s), ${list.length - errors} warning(s)\n`);
    }
  }

  summary(rows: { output: string; bytes: number; ms: number }[]): void {
    this.settle();
    if (this.options.json || this.options.quiet) return;
    const width = Math.max(...rows.map((r) => r.output.length), 6);
    process.stdout.write(`${'output'.padEnd(width)}  ${'size'.padStart(9)}  ${'time'.padStart(7)}\n`);
    for (const r of rows) {
      process.stdout.write(`${r.output.padEnd(width)}  ${formatBytes(r.bytes).padStart(9)}  ${`${(r.ms / 1000).toFixed(2)} s`.padStart(7)}\n`);
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
