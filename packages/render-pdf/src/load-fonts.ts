/**
 * Set on `<html>` once every font has loaded. Until then the print stylesheet hides `<main>`, so
 * that the book is laid out once, with its fonts, and not again as each of them arrives (about ten
 * layouts of the whole book, a second of the print's time).
 */
export const FONTS_LOADED = 'data-fonts-loaded';

/**
 * Runs in the page: loads every font face the stylesheet declares, not only those the layout has
 * asked for so far, then shows the book (`attribute` is FONTS_LOADED). The running headers and
 * footers are laid out only when printing (too late to load a font), and a face still loading
 * while soft hyphens are measured would make the layout, and so the PDF, depend on timing.
 */
export async function loadFonts(marginText: string, attribute: string): Promise<void> {
  await document.fonts.ready;
  const loads: Array<Promise<unknown>> = [];
  document.fonts.forEach((face) => loads.push(face.load().catch(() => face)));
  await Promise.all(loads);
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'sans-serif';
  await Promise.all(['8pt', 'italic 8pt', '9pt'].map((font) => document.fonts.load(`${font} ${family}`, marginText).catch(() => [])));
  await document.fonts.ready;
  document.documentElement.setAttribute(attribute, '');
}
