import content from './content.css';

/**
 * Styles for a chapter's content as the compiler emits it (callouts, figures, tables, footnotes,
 * code, math). Colours are CSS custom properties, so a light and a dark theme differ only in
 * variables; `lightVariables`/`darkVariables` hold ours. Plain CSS 2.1 features where possible,
 * because EPUB reading systems are old browsers.
 */
export const contentCss: string = content;

export { coverArt } from './cover-art.js';
