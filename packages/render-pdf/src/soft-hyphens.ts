/**
 * Runs in the page, laid out with print styles at the printed width: removes every soft hyphen
 * (U+00AD) where no line breaks, and returns how many it kept and removed. Chromium's PDF text
 * keeps soft hyphens, so unused ones would split words for search, copy and screen readers
 * ("chap\u00ADter"). An unused soft hyphen has no width and no break was taken there, so
 * removing it changes nothing on the page. All positions are read before any text is changed.
 */
export function pruneSoftHyphens(): { kept: number; removed: number } {
  const SHY = '\u00AD';
  const root = document.querySelector('main') ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const rectsOf = (node: Text, at: number): DOMRect[] => {
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return Array.from(range.getClientRects());
  };
  // A soft hyphen where the line breaks is drawn as a hyphen; elsewhere it has no width, except
  // inside a ligature (f\u00ADf, f\u00ADi), whose width its characters share. So the text two
  // characters on must also be on a later line (the character right after a break still reports
  // the line before).
  const breaksAt = (node: Text, at: number): boolean => {
    if (!rectsOf(node, at).some((rect) => rect.width > 0.5)) return false;
    let next = at + 2;
    while (next < node.data.length && node.data[next] === SHY) next++;
    if (at === 0 || next >= node.data.length) return true;
    const before = rectsOf(node, at - 1)[0];
    const after = rectsOf(node, next)[0];
    return !before || !after || after.top > before.top + 1;
  };
  const edits: Array<[Text, string]> = [];
  let kept = 0;
  let removed = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    if (!text.includes(SHY)) continue;
    range.selectNodeContents(node);
    const lines = range.getClientRects();
    let oneLine = true;
    for (let i = 1; i < lines.length && oneLine; i++) oneLine = Math.abs(lines[i]!.top - lines[0]!.top) < 1;
    let out = '';
    let from = 0;
    for (let at = text.indexOf(SHY); at >= 0; at = text.indexOf(SHY, at + 1)) {
      const breaks = !oneLine && breaksAt(node, at);
      out += text.slice(from, at) + (breaks ? SHY : '');
      from = at + 1;
      if (breaks) kept++;
      else removed++;
    }
    edits.push([node, out + text.slice(from)]);
  }
  for (const [node, value] of edits) node.data = value;
  return { kept, removed };
}
