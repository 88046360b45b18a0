/**
 * Runs in the page: writes each contents entry's page number (what `renderSinglePage`'s `pageOf`
 * would give) and returns the targets it numbered.
 */
export function setTocPages(pages: Record<string, number>): string[] {
  const targets: string[] = [];
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('nav.book-toc a[href^="#"]'))) {
    const number = link.nextElementSibling;
    if (!number?.classList.contains('toc-page')) continue;
    const target = decodeURIComponent(link.getAttribute('href')!.slice(1));
    targets.push(target);
    number.textContent = pages[target] === undefined ? '' : String(pages[target]);
  }
  return targets;
}
