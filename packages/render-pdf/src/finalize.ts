import { createHash } from 'node:crypto';
import type { PdfMetadata } from './metadata.js';
import { xmpPacket } from './metadata.js';
import { PdfReader } from './pdf-reader.js';
import { pdfDate, pdfString } from './pdf-values.js';
import { renumberStructureIds } from './structure-ids.js';

/**
 * Makes Chromium's PDF reproducible and describes it, without rewriting it: Chromium's own
 * document-information object (which holds the clock time) is blanked in place, byte for byte, and
 * the structure IDs that vary between runs are renumbered, so every offset stays valid; a new Info dictionary, an XMP packet and a catalog that points to it
 * (and opens the bookmarks panel) are added before a cross-reference table that extends the old
 * one; the trailer gets a document ID derived from the content. Same input, same bytes.
 */
export function finalizePdf(input: Uint8Array, meta: PdfMetadata): Uint8Array {
  const reader = new PdfReader(input);
  const { text, trailer } = reader;
  const body = Buffer.from(renumberStructureIds(text.slice(0, trailer.xrefOffset)), 'latin1');

  let chromiumProducer = 'Chromium';
  if (trailer.info !== undefined) {
    const start = text.indexOf('<<', reader.offsetOf(trailer.info));
    const end = text.lastIndexOf('>>', text.indexOf('endobj', start)) + 2;
    const producer = /\/Producer\s*\(((?:[^()\\]|\\.)*)\)/.exec(text.slice(start, end));
    if (producer) chromiumProducer = producer[1]!.replace(/\\(.)/g, '$1');
    body.write(`<<>>${' '.repeat(end - start - 4)}`, start, 'latin1');
  }
  const digest = createHash('md5').update(body).update(JSON.stringify(meta)).digest('hex').toUpperCase();
  const instanceId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20)}`.toLowerCase();
  const producer = `${chromiumProducer}; ${meta.producer}`;

  const first = trailer.size;
  const [infoNum, catalogNum, metadataNum] = [first, first + 1, first + 2];
  const date = pdfDate(meta.date);
  const info = [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords.join(', '))}`,
    `/Creator ${pdfString(meta.creator)}`,
    `/Producer ${pdfString(producer)}`,
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
    '/Trapped /False',
  ].join('\n');
  const catalog = reader.object(trailer.root);
  const additions = [
    /\/PageMode\b/.test(catalog) || !/\/Outlines\b/.test(catalog) ? '' : '/PageMode /UseOutlines',
    /\/Lang\b/.test(catalog) ? '' : `/Lang ${pdfString(meta.language)}`,
    /\/Metadata\b/.test(catalog) ? '' : `/Metadata ${metadataNum} 0 R`,
  ].filter(Boolean);
  const newCatalog = `${catalog.replace(/>>\s*$/, '')}\n${additions.join('\n')}>>`;
  const xmp = Buffer.from(xmpPacket(meta, producer, instanceId), 'utf8');

  const parts: Buffer[] = [body];
  const offsets: number[] = [];
  let length = body.length;
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  const object = (num: number, content: Buffer) => {
    offsets.push(length);
    add(Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), content, Buffer.from('\nendobj\n', 'latin1')]));
  };
  object(infoNum, Buffer.from(`<<${info}>>`, 'latin1'));
  object(catalogNum, Buffer.from(newCatalog, 'latin1'));
  object(metadataNum, Buffer.concat([Buffer.from(`<</Type /Metadata\n/Subtype /XML\n/Length ${xmp.length}>>\nstream\n`, 'latin1'), xmp, Buffer.from('\nendstream', 'latin1')]));

  const xrefOffset = length;
  // Entries are 20 bytes each, ending in a line break: the old table is copied as it is.
  const oldTable = text.slice(trailer.xrefOffset, trailer.trailerOffset);
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  add(Buffer.from(`${oldTable}${first} ${offsets.length}\n${entries}`, 'latin1'));
  const id = `<${digest}>`;
  add(
    Buffer.from(
      `trailer\n<</Size ${first + offsets.length}\n/Root ${catalogNum} 0 R\n/Info ${infoNum} 0 R\n/ID [${id} ${id}]>>\nstartxref\n${xrefOffset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(parts, length));
}
