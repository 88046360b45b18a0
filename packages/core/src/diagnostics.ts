import type { Diagnostic, Severity } from './types.js';

export interface Point {
  line: number;
  column: number;
}

/** Collects diagnostics for one compile; every problem is kept, none stops the others. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(
    file: string,
    at: Point | undefined,
    ruleId: string,
    message: string,
    hint?: string,
    severity: Severity = 'error',
  ): void {
    this.list.push({
      file,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      ruleId,
      severity,
      message,
      ...(hint ? { hint } : {}),
    });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  sorted(): Diagnostic[] {
    return [...this.list].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** `file:line:column: severity message [rule]` then the hint, as compilers print them. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}
