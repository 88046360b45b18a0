/**
 * Runs in the page: scales down (CSS `zoom`) each table, formula or code block that is still wider
 * than the text after wrapping, and returns how many it scaled. Chromium would otherwise shrink
 * every page of the book to fit the widest element.
 */
export function fitWideBlocks(): number {
  const main = document.querySelector('main');
  if (!main) return 0;
  const width = main.getBoundingClientRect().width;
  const left = main.getBoundingClientRect().left;
  const wide: Array<[HTMLElement, number]> = [];
  for (const element of Array.from(main.querySelectorAll<HTMLElement>('table, math, pre, svg, img, .katex'))) {
    if (element.closest('[data-fitted]')) continue;
    const box = element.getBoundingClientRect();
    const available = width - (box.left - left);
    if (box.width > available + 0.5 && available > 0) wide.push([element, available / box.width]);
  }
  for (const [element, scale] of wide) {
    element.style.setProperty('zoom', String(Math.floor(scale * 1000) / 1000));
    element.dataset.fitted = '';
  }
  return wide.length;
}
