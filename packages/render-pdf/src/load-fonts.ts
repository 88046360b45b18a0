/**
 * Runs in the page: loads every font face the stylesheet declares, not only those the layout has
 * asked for so far. The running headers and footers are laid out only when printing (too late to
 * load a font), and a face still loading while soft hyphens are measured would make the layout,
 * and so the PDF, depend on timing.
 */
export async function loadFonts(marginText: string): Promise<void> {
  await document.fonts.ready;
  const loads: Array<Promise<unknown>> = [];
  document.fonts.forEach((face) => loads.push(face.load().catch(() => face)));
  await Promise.all(loads);
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'sans-serif';
  await Promise.all(['8pt', 'italic 8pt', '9pt'].map((font) => document.fonts.load(`${font} ${family}`, marginText).catch(() => [])));
  await document.fonts.ready;
}
