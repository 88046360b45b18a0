export { renderPdf, type RenderPdfOptions } from './render-pdf.js';
export { RenderPdfError, type RenderPdfErrorCode } from './errors.js';
export { findChromium } from './find-chromium.js';
export type { PageSize } from './page-size.js';
