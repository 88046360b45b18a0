import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The public API of every package, pinned: removing or renaming an export is a major change.
const expected: Record<string, string[]> = {
  core: ['compareDiagnostics', 'compile', 'createCompileCache', 'formatDiagnostic', 'readCompileCache', 'writeCompileCache'],
  content: ['book', 'chapters', 'getChapter', 'glossary'],
  theme: ['contentCss', 'coverArt'],
  'render-html': ['adaptTree', 'createRenderCache', 'readRenderCache', 'renderChapterHtml', 'renderSinglePage', 'renderSite', 'singlePageLink', 'writeRenderCache'],
  cli: ['run', 'startDevServer'],
  'render-epub': ['EpubInputError', 'renderEpub'],
  'render-pdf': ['RenderPdfError', 'findChromium', 'renderPdf'],
};

describe.each(Object.entries(expected))('@dmls/%s', (name, exports) => {
  it('exports exactly its pinned API', async () => {
    const mod = await import(path.resolve(import.meta.dirname, `../packages/${name}/dist/index.js`));
    expect(Object.keys(mod).sort()).toEqual([...exports].sort());
  });
});
