export { renderEpub } from './render-epub.js';
export type { RenderEpubOptions } from './options.js';
export { EpubInputError } from './errors.js';
