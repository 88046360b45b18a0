export { createCompileCache, readCompileCache, writeCompileCache, type CompileCache } from './cache.js';
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export { formatDiagnostic, compareDiagnostics } from './diagnostics.js';
export type { Book, Chapter, Credit, Diagnostic, Figure, GlossaryEntry, Section, Severity, SourceWork } from './types.js';
