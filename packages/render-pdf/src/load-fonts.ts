/**
 * Runs in the page: waits for the fonts the layout asked for, and loads those of the running
 * headers and footers, which only printing lays out (too late to load a font).
 */
export async function loadFonts(marginText: string): Promise<void> {
  await document.fonts.ready;
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'sans-serif';
  await Promise.all(['8pt', 'italic 8pt', '9pt'].map((font) => document.fonts.load(`${font} ${family}`, marginText).catch(() => [])));
  await document.fonts.ready;
}
