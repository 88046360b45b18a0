import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finalizePdf } from '../src/finalize.js';
import type { PdfMetadata } from '../src/metadata.js';
import { pageMap } from '../src/page-map.js';
import { PdfReader } from '../src/pdf-reader.js';
import { pdfDate, pdfString } from '../src/pdf-values.js';
import { renumberStructureIds } from '../src/structure-ids.js';
import { pdfinfo, run, savePdf, skiaPdf } from './helpers.js';

/** A small PDF laid out the way Skia writes one: classic cross-reference table, plain dictionaries. */
function skiaLikePdf(created: string, ids: [string, string] = ['node00000042', 'node00000007']): Uint8Array {
  const objects = [
    `<</Title (Old title)\n/Producer (Skia/PDF m156)\n/CreationDate (D:${created}+00'00')\n/ModDate (D:${created}+00'00')>>`,
    '<</Type /Catalog\n/Pages 3 0 R\n/Dests 6 0 R\n/Outlines 7 0 R\n/StructTreeRoot 8 0 R\n/Lang (en)>>',
    '<</Type /Pages\n/Count 2\n/Kids [9 0 R 4 0 R]>>',
    '<</Type /Page\n/Parent 9 0 R\n/MediaBox [0 0 595 842]\n/Contents 5 0 R>>',
    '<</Length 0>> stream\n\nendstream',
    '<</intro [10 0 R /XYZ 0 800 0]\n/batch-vs-stream-processing [4 0 R /XYZ 0 400 0]\n/caf#C3#A9 [4 0 R /XYZ 0 300 0]>>',
    '<</Type /Outlines\n/Count 0>>',
    `<</Type /StructTreeRoot\n/K 11 0 R\n/IDTree 12 0 R>>`,
    '<</Type /Pages\n/Count 1\n/Kids [10 0 R]\n/Parent 3 0 R>>',
    '<</Type /Page\n/Parent 9 0 R\n/MediaBox [0 0 595 842]\n/Contents 5 0 R>>',
    `<</Type /StructElem\n/S /TH\n/P 8 0 R\n/ID (${ids[0]})>>`,
    `<</Kids [13 0 R]>>`,
    `<</Limits [(${ids[0] < ids[1] ? ids[0] : ids[1]}) (${ids[0] < ids[1] ? ids[1] : ids[0]})]\n/Names [(${ids[0] < ids[1] ? ids[0] : ids[1]}) ${ids[0] < ids[1] ? 11 : 14} 0 R (${ids[0] < ids[1] ? ids[1] : ids[0]}) ${ids[0] < ids[1] ? 14 : 11} 0 R]>>`,
    `<</Type /StructElem\n/S /TH\n/P 8 0 R\n/A [<</O /Table\n/Headers [(${ids[0]})]>>]\n/ID (${ids[1]})>>`,
  ];
  return skiaPdf(objects, 2, 1);
}

const meta: PdfMetadata = {
  title: 'Notes: ünïcode title',
  author: 'dmls contributors',
  subject: 'A (small) test',
  keywords: ['pdf', 'tests'],
  creator: 'dmls 0.0.0 (@dmls/render-pdf)',
  producer: '@dmls/render-pdf',
  language: 'en',
  date: new Date('2024-05-01T12:00:00Z'),
  identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000',
  rights: 'Text CC-BY-4.0; code MIT.',
};

describe('PdfReader and pageMap', () => {
  it('reads the page order through nested page trees and every named destination', () => {
    const reader = new PdfReader(skiaLikePdf('20260101000000'));
    expect(reader.pages()).toEqual([10, 4]);
    const { count, pageOf } = pageMap(reader);
    expect(count).toBe(2);
    expect(Object.fromEntries(pageOf)).toEqual({ intro: 1, 'batch-vs-stream-processing': 2, café: 2 });
  });

  it('refuses what it cannot read, with a clear error', () => {
    expect(() => new PdfReader(new TextEncoder().encode('not a pdf'))).toThrow(/could not be read: it does not start with %PDF-/);
  });
});

describe('finalizePdf', () => {
  it('adds the metadata, fixes the dates and the ID, and stays a valid PDF', () => {
    const file = savePdf(finalizePdf(skiaLikePdf('20260101000000'), meta));
    const check = run('qpdf', ['--check', file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const info = pdfinfo(file);
    expect(info.Title).toBe(meta.title);
    expect(info.Author).toBe(meta.author);
    expect(info.Subject).toBe(meta.subject);
    expect(info.Keywords).toBe('pdf, tests');
    expect(info.Producer).toBe('Skia/PDF m156; @dmls/render-pdf');
    expect(info.CreationDate).toMatch(/May\s+1 12:00:00 2024/);
    expect(info['Metadata Stream']).toBe('yes');
    expect(pageMap(new PdfReader(new Uint8Array(readFileSync(file)))).count).toBe(2);
  });

  it('gives the same bytes whatever time Chromium wrote and however it numbered the structure', () => {
    const a = finalizePdf(skiaLikePdf('20260101000000', ['node00000042', 'node00000007']), meta);
    const b = finalizePdf(skiaLikePdf('20261231235959', ['node00000007', 'node00000042']), meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).toString('latin1')).not.toContain('2026');
  });
});

describe('renumberStructureIds', () => {
  it('numbers ids in file order, keeps every length, and keeps the ID tree sorted', () => {
    const text = Buffer.from(skiaLikePdf('20260101000000', ['node00000042', 'node00000007'])).toString('latin1');
    const out = renumberStructureIds(text);
    expect(out.length).toBe(text.length);
    expect(out).toContain('/ID (node00000001)');
    expect(out).toContain('/Headers [(node00000001)]');
    expect(out).toMatch(/\/Limits \[\(node00000001\) \(node00000002\)\]\s*\/Names \[\(node00000001\) 11 0 R \(node00000002\) 14 0 R\]/);
  });
});

describe('PDF values', () => {
  it('writes ASCII text as literal strings and other text as UTF-16', () => {
    expect(pdfString('a (b) \\ c')).toBe('(a \\(b\\) \\\\ c)');
    expect(pdfString('é')).toBe('<FEFF00E9>');
  });

  it('writes dates in UTC', () => {
    expect(pdfDate(new Date('2024-05-01T12:34:56+02:00'))).toBe("D:20240501103456+00'00'");
  });
});
