/**
 * CSS without what only its authors read: comments, indentation, the spaces around `{ } ; , >`
 * and after `:`, and the last `;` of a block. Strings are copied as they are. It never removes a
 * space that keeps two tokens apart (`a :hover` is not `a:hover`), so rules mean what they meant.
 */
export function minifyCss(css: string): string {
  let out = '';
  let space = false;
  for (let at = 0; at < css.length; ) {
    const char = css[at] as string;
    if (char === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end === -1 ? css.length : end + 2;
      space = true;
      continue;
    }
    if (/\s/.test(char)) {
      space = true;
      at += 1;
      continue;
    }
    if (space && out !== '' && !TIGHT.has(out[out.length - 1] as string) && !out.endsWith(':') && !TIGHT.has(char)) out += ' ';
    space = false;
    if (char === '"' || char === "'") {
      const end = stringEnd(css, at);
      out += css.slice(at, end);
      at = end;
      continue;
    }
    if (char === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += char;
    at += 1;
  }
  return out;
}

/** Characters that need no space on either side. */
const TIGHT = new Set(['{', '}', ';', ',', '>']);

/** The index just past the string that starts at `start` (its quote), escapes included. */
function stringEnd(css: string, start: number): number {
  const quote = css[start];
  let at = start + 1;
  while (at < css.length && css[at] !== quote) at += css[at] === '\\' ? 2 : 1;
  return Math.min(at + 1, css.length);
}
