/**
 * Runs in the page: writes each contents entry's page number (what `renderSinglePage`'s `pageOf`
 * would give) and returns the targets it numbered. An entry links to `#id`, or, once the book is
 * printed in parts, to another part's URL ending in `#id`.
 */
export function setTocPages(pages: Record<string, number>): string[] {
  const targets: string[] = [];
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('nav.book-toc a[href*="#"]'))) {
    const number = link.nextElementSibling;
    if (!number?.classList.contains('toc-page')) continue;
    const href = link.getAttribute('href')!;
    const target = decodeURIComponent(href.slice(href.indexOf('#') + 1));
    targets.push(target);
    number.textContent = pages[target] === undefined ? '' : String(pages[target]);
  }
  return targets;
}
