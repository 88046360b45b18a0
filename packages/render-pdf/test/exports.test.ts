import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@dmls/render-pdf exports', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(api).sort()).toEqual(['RenderPdfError', 'findChromium', 'renderPdf']);
  });
});
