import { RenderPdfError } from './errors.js';

const ID = /\((node\d{8})\)/g;

/**
 * Renumbers the IDs of the structure elements (`node00001032`) that Chromium writes for table
 * headers. They come from Chromium's DOM node ids, whose order varies from run to run; here they
 * are numbered in the order the elements appear in the file, which is fixed. Every replacement has
 * the same length, and the ID tree is re-sorted in place, so no byte offset moves. Returns the text.
 */
export function renumberStructureIds(text: string): string {
  const renumbered = new Map<string, string>();
  const next = () => `node${String(renumbered.size + 1).padStart(8, '0')}`;
  for (const match of text.matchAll(/\/ID \((node\d{8})\)/g)) if (!renumbered.has(match[1]!)) renumbered.set(match[1]!, next());
  for (const match of text.matchAll(ID)) if (!renumbered.has(match[1]!)) renumbered.set(match[1]!, next());
  if (renumbered.size === 0) return text;
  let result = text.replace(ID, (_, id: string) => `(${renumbered.get(id)!})`);

  // The ID tree's leaf lists (id, element) pairs sorted by id, between its lowest and highest id.
  result = result.replace(/\/Limits \[\((node\d{8})\) \((node\d{8})\)\]\s*\/Names \[([^\]]*)\]/g, (whole, _low: string, _high: string, names: string) => {
    const pairs = [...names.matchAll(/\((node\d{8})\) (\d+ \d+ R)/g)].map((m) => [m[1]!, m[2]!] as const);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const sorted = pairs.map(([id, ref]) => `(${id}) ${ref}`).join(' ');
    if (sorted.length !== names.length || pairs.length === 0) {
      throw new RenderPdfError("Chromium's PDF could not be made reproducible: unexpected structure ID tree.", 'bad-output');
    }
    const separator = whole.slice(whole.indexOf(']') + 1, whole.indexOf('/Names'));
    return `/Limits [(${pairs[0]![0]}) (${pairs.at(-1)![0]})]${separator}/Names [${sorted}]`;
  });
  return result;
}
