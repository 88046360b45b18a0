import type { Book } from '@dmls/core';
import { xmlText, xmpDate } from './pdf-values.js';

/** The document information the PDF carries, in its Info dictionary and its XMP packet. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** Appended to Chromium's own producer name (`Skia/PDF m…`). */
  producer: string;
  language: string;
  /** Creation and modification date: the content's, so that builds are reproducible. */
  date: Date;
  /** The book's stable identifier (`urn:uuid:…`). */
  identifier: string;
  rights: string;
}

export function bookMetadata(book: Book, version?: string): PdfMetadata {
  const date = new Date(book.modified);
  if (Number.isNaN(date.getTime())) throw new TypeError(`book.modified is not a date: "${book.modified}"`);
  const authors = book.credits.filter((c) => c.role === 'author').map((c) => c.name);
  return {
    title: book.subtitle ? `${book.title}: ${book.subtitle}` : book.title,
    author: authors.join(', ') || book.source.author,
    subject: book.description,
    keywords: [...new Set([...book.subjects, ...[book.introduction, ...book.chapters].flatMap((c) => c.keywords)])],
    creator: `dmls${version ? ` ${version}` : ''} (@dmls/render-pdf)`,
    producer: '@dmls/render-pdf',
    language: book.language,
    date,
    identifier: book.identifier,
    rights: `Text ${book.license.content}; code ${book.license.code}.`,
  };
}

/** An XMP packet (Dublin Core, XMP basic, PDF and media-management schemas) for the metadata. */
export function xmpPacket(meta: PdfMetadata, producer: string, instanceId: string): string {
  const date = xmpDate(meta.date);
  const lang = xmlText(meta.language);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    `<dc:creator><rdf:Seq>${meta.author.split(', ').map((a) => `<rdf:li>${xmlText(a)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`,
    `<dc:description>${alt(meta.subject)}</dc:description>`,
    `<dc:subject><rdf:Bag>${meta.keywords.map((k) => `<rdf:li>${xmlText(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    `<dc:rights>${alt(meta.rights)}</dc:rights>`,
    `<dc:identifier>${xmlText(meta.identifier)}</dc:identifier>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xmlText(meta.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xmlText(producer)}</pdf:Producer>`,
    `<pdf:Keywords>${xmlText(meta.keywords.join(', '))}</pdf:Keywords>`,
    `<xmpMM:DocumentID>${xmlText(meta.identifier)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>uuid:${instanceId}</xmpMM:InstanceID>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
