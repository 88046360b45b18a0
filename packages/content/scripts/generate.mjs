// Compiles content/designing-ml-systems into TypeScript modules (for tsup) and JSON + SVG files.
// Everything goes to temporary folders first and is moved into place only when all is well.
import { mkdir, rm, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, formatDiagnostic, readCompileCache, writeCompileCache } from '@dmls/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const contentDir = path.resolve(pkg, '../../content/designing-ml-systems');

// Unchanged chapters come from the last build (keyed by content hash): editing one chapter
// recompiles that chapter only.
const cacheDir = path.join(pkg, 'node_modules', '.cache', 'dmls', 'compile');
const cache = await readCompileCache(cacheDir);
const { book, diagnostics } = await compile(contentDir, { cache });
await writeCompileCache(cache, cacheDir).catch(() => undefined);
for (const d of diagnostics) console.error(formatDiagnostic(d));
if (!book) {
  console.error(`@dmls/content: ${diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing written.`);
  process.exit(1);
}

const generated = path.join(pkg, 'generated');
const assets = path.join(pkg, 'dist-assets');
const tmpGenerated = `${generated}.tmp`;
const tmpAssets = `${assets}.tmp`;
await rm(tmpGenerated, { recursive: true, force: true });
await rm(tmpAssets, { recursive: true, force: true });
await mkdir(path.join(tmpGenerated, 'chapters'), { recursive: true });
await mkdir(path.join(tmpAssets, 'chapters'), { recursive: true });
await mkdir(path.join(tmpAssets, 'figures'), { recursive: true });

// A JSON string inside JSON.parse: engines parse it faster than an object literal, and tsc
// never has to infer a type for megabytes of data.
const module = (type, name, value) =>
  `import type { ${type} } from '@dmls/core';\n\nexport const ${name}: ${type} = JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;

await writeFile(path.join(tmpGenerated, 'book.ts'), module('Book', 'book', book));
await writeFile(path.join(tmpAssets, 'book.json'), `${JSON.stringify(book)}\n`);
for (const chapter of [book.introduction, ...book.chapters]) {
  await writeFile(path.join(tmpGenerated, 'chapters', `${chapter.id}.ts`), module('Chapter', 'chapter', chapter));
  await writeFile(path.join(tmpAssets, 'chapters', `${chapter.id}.json`), `${JSON.stringify(chapter)}\n`);
  for (const figure of chapter.figures) await writeFile(path.join(tmpAssets, figure.src), figure.svg);
}
await rm(generated, { recursive: true, force: true });
await rm(assets, { recursive: true, force: true });
await rename(tmpGenerated, generated);
await rename(tmpAssets, assets);
const words = [book.introduction, ...book.chapters].reduce((n, c) => n + c.wordCount, 0);
console.log(`@dmls/content: ${book.chapters.length} chapters, ${words} words, ${book.glossary.length} glossary terms`);
