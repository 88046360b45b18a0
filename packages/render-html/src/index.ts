export { adaptTree, type AdaptOptions, type Reference } from './adapt-tree.js';
export { renderChapterHtml } from './embed.js';
export { renderSinglePage, singlePageLink, type SinglePageOptions } from './single-page.js';
export { createRenderCache, readRenderCache, renderSite, writeRenderCache, type RenderCache, type SiteFile, type SiteOptions } from './site.js';
