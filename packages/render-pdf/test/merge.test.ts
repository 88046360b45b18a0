import { describe, expect, it } from 'vitest';
import { CROSS_PART_LINK, destinationName, encodeName, mergePdfs } from '../src/merge-pdfs.js';
import { pageMap } from '../src/page-map.js';
import { PdfReader } from '../src/pdf-reader.js';
import { splitPrintHtml } from '../src/print-parts.js';
import { outline, run, savePdf, skiaPdf } from './helpers.js';

/**
 * One printed part: a page with a heading (bookmarked, tagged, a named destination), a table header
 * with a structure ID, and a link, to `link` (a destination in this part or another one).
 */
function part(title: string, id: string, link: string, stream = 'BT (x) Tj ET'): Uint8Array {
  const action = link.startsWith('#') ? `/Dest /${encodeName(link.slice(1))}` : `/A <</Type /Action\n/S /URI\n/URI (${link})>>`;
  return skiaPdf(
    [
      `<</Title (${title})\n/Producer (Skia/PDF m156)\n/CreationDate (D:20260101000000+00'00')>>`, // 1 info
      '<</Type /Catalog\n/Pages 3 0 R\n/Dests 6 0 R\n/MarkInfo <</Type /MarkInfo\n/Marked true>>\n/StructTreeRoot 7 0 R\n/Outlines 13 0 R\n/Lang (en)>>', // 2
      '<</Type /Pages\n/Count 1\n/Kids [4 0 R]>>', // 3
      '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]\n/Annots [15 0 R]\n/Contents 5 0 R\n/StructParents 0>>', // 4
      `<</Length ${stream.length}>> stream\n${stream}\nendstream`, // 5
      `<</${encodeName(id)} [4 0 R /XYZ 0 800 0]>>`, // 6
      '<</Type /StructTreeRoot\n/K 8 0 R\n/ParentTreeNextKey 2\n/ParentTree 11 0 R\n/IDTree 12 0 R>>', // 7
      '<</Type /StructElem\n/S /Document\n/Lang (en)\n/P 7 0 R\n/K [9 0 R 10 0 R]>>', // 8
      `<</Type /StructElem\n/S /H1\n/P 8 0 R\n/Pg 4 0 R\n/K [0]>>`, // 9
      `<</Type /StructElem\n/S /TH\n/P 8 0 R\n/Pg 4 0 R\n/ID (node00000003)\n/K [<</Type /OBJR /Obj 15 0 R>>]>>`, // 10
      '<</Nums [0 16 0 R 1 10 0 R]>>', // 11
      '<</Kids [17 0 R]>>', // 12
      '<</Type /Outlines\n/First 14 0 R\n/Last 14 0 R\n/Count 1>>', // 13
      `<</Title (${title} \\(1 0 R\\))\n/Dest [4 0 R /XYZ 0 800 0]\n/Parent 13 0 R\n/SE 9 0 R>>`, // 14
      `<</Type /Annot\n/Subtype /Link\n/Rect [0 0 10 10]\n${action}\n/StructParent 1>>`, // 15
      '[9 0 R]', // 16
      '<</Limits [(node00000003) (node00000003)]\n/Names [(node00000003) 10 0 R]>>', // 17
    ],
    2,
    1,
  );
}

describe('mergePdfs', () => {
  const first = part('One', 'one', `${CROSS_PART_LINK}tw%C3%B6`, 'BT (endobj endstream) Tj ET');
  const second = part('Two', 'twö', '#one');
  const merged = mergePdfs([first, second]);
  const file = savePdf(merged);
  const text = Buffer.from(merged).toString('latin1');

  it('gives a valid PDF with the pages of every part in order', () => {
    const check = run('qpdf', ['--check', file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).not.toMatch(/WARNING/);
    const { count, pageOf } = pageMap(merged);
    expect(count).toBe(2);
    expect(Object.fromEntries(pageOf)).toEqual({ one: 1, twö: 2 });
  });

  it('chains the bookmarks of the parts into one outline', () => {
    expect(outline(file).map((item) => [item.title, item.page])).toEqual([
      ['One (1 0 R)', 1],
      ['Two (1 0 R)', 2],
    ]);
  });

  it('turns links to other parts into links to their named destinations', () => {
    expect(text).not.toContain(CROSS_PART_LINK);
    expect(text).toContain(`/Dest /${encodeName('twö')}`);
    expect(text).toContain('/Dest /one');
  });

  it('keeps one structure tree, with unique parent-tree keys and structure IDs', () => {
    expect(text.match(/\/S \/Document\b/g)).toHaveLength(1);
    // Both parts' elements hang under that one Document element.
    const document = /(\d+) 0 obj\n<<\/Type \/StructElem\n\/S \/Document[^]*?\/K \[([^\]]*)\]/.exec(text)!;
    expect(document[2]!.match(/\d+ 0 R/g)).toHaveLength(4);
    expect(text.match(new RegExp(`/P ${document[1]} 0 R`, 'g'))).toHaveLength(4);
    expect(text).toMatch(/\/ParentTreeNextKey 4\b/);
    expect([...text.matchAll(/\/StructParents? (\d+)/g)].map((m) => Number(m[1])).sort()).toEqual([0, 1, 2, 3]);
    expect([...text.matchAll(/\/ID \((node\d+)\)/g)].map((m) => m[1])).toEqual(['node00000001', 'node00000002']);
    expect(text).toMatch(/\/Limits \[\(node00000001\) \(node00000002\)\]/);
  });

  it('copies streams byte for byte, even when they contain keywords', () => {
    expect(text).toContain('stream\nBT (endobj endstream) Tj ET\nendstream');
  });

  it("keeps the first part's document information", () => {
    expect(new PdfReader(merged).trailer.info).toBeDefined();
    expect(text).toContain('/Title (One)');
  });
});

describe('destinationName', () => {
  it('is the id as a PDF name, and shortened with a hash past the 127 bytes readers handle', () => {
    expect(destinationName('café (1)')).toBe('caf#C3#A9#20#281#29');
    const long = `chapter--${'technique-'.repeat(14)}`;
    const other = `${long}x`;
    expect(destinationName(long).length).toBeLessThanOrEqual(127);
    expect(destinationName(long)).toMatch(/^chapter--technique-[^]*-[0-9a-f]{16}$/);
    expect(destinationName(long)).toBe(destinationName(long));
    expect(destinationName(long)).not.toBe(destinationName(other));
  });
});

describe('splitPrintHtml', () => {
  const head = '<!DOCTYPE html><html><head><title>t</title></head><body><main>';
  const front = '<nav class="book-toc"><a href="#a">A</a><a href="#b--s">B</a></nav>';
  const a = '<section class="chapter" id="a"><h1 id="a--t">A</h1><p><a href="#b--s">see B</a> <a href="#a--t">top</a></p></section>';
  const b = '<section class="chapter" id="b"><h1 id="b--s">B</h1><p>text</p></section>';
  const html = `${head}${front}${a}${b}</main></body></html>`;
  const parts = splitPrintHtml(html, ['a', 'b'], 2);

  it('cuts the front matter and as many body parts as asked, each a whole document', () => {
    expect(parts.body).toHaveLength(2);
    for (const doc of [parts.front, ...parts.body]) {
      expect(doc.startsWith(head)).toBe(true);
      expect(doc.endsWith('</main></body></html>')).toBe(true);
    }
    expect(parts.front).toContain('book-toc');
    expect(parts.body[0]).toContain('id="a"');
    expect(parts.body[0]).not.toContain('id="b"');
  });

  it('points links to other parts at the cross-part URL and keeps links inside a part', () => {
    expect(parts.front).toContain(`href="${CROSS_PART_LINK}a"`);
    expect(parts.body[0]).toContain(`href="${CROSS_PART_LINK}b--s"`);
    expect(parts.body[0]).toContain('href="#a--t"');
  });

  it('starts each body part with an unprinted page linking to its targets', () => {
    expect(parts.body[0]).toMatch(/<main><div class="pdf-skip" aria-hidden="true"><a href="#a"><\/a><a href="#a--t"><\/a><\/div><section/);
    expect(parts.body[1]).toMatch(/<main><div class="pdf-skip" aria-hidden="true"><a href="#b--s"><\/a><\/div><section/);
  });

  it('makes fewer, larger parts when asked for one', () => {
    expect(splitPrintHtml(html, ['a', 'b'], 1).body).toHaveLength(1);
  });
});
