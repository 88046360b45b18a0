import type { Book } from '@dmls/core';
import type { Element } from 'xast';
import { x } from 'xastscript';
import type { AccessibilityMetadata } from './accessibility.js';
import { isCreator, relatorCode } from './credits.js';
import { dayOf } from './dates.js';
import { FILES } from './layout.js';
import { describeLicense } from './licenses.js';
import { serializeXml } from './xml.js';

/** A manifest entry. */
export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string[];
}

export interface PackageInput {
  book: Book;
  modified: string;
  accessibility: AccessibilityMetadata;
  /** Every resource but the NCX, in manifest order. */
  items: ManifestItem[];
  /** Manifest ids of the reading order. */
  spine: string[];
  /** EPUB 2 guide: cover, title page, contents, start of text. */
  guide: { type: string; title: string; href: string }[];
}

/** The package document (`content.opf`): metadata, manifest, spine and the EPUB 2 guide. */
export function packageDocument({ book, modified, accessibility, items, spine, guide }: PackageInput): string {
  const manifest = [{ id: 'ncx', href: FILES.ncx, mediaType: 'application/x-dtbncx+xml' }, ...items].map((item) =>
    x('item', { id: item.id, href: item.href, 'media-type': item.mediaType, properties: item.properties?.length ? item.properties.join(' ') : undefined }),
  );
  return serializeXml(
    x('package', { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'pub-id', 'xml:lang': book.language }, [
      x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, metadata(book, modified, accessibility)),
      x('manifest', manifest),
      x('spine', { toc: 'ncx' }, spine.map((idref) => x('itemref', { idref }))),
      x('guide', guide.map((reference) => x('reference', reference))),
    ]),
  );
}

function metadata(book: Book, modified: string, a11y: AccessibilityMetadata): Element[] {
  const meta = (property: string, value: string, refines?: string): Element =>
    x('meta', { refines: refines ? `#${refines}` : undefined, property }, value);
  const credits = book.credits.flatMap((credit, index) => {
    const id = `credit-${index + 1}`;
    return [
      x(isCreator(credit) ? 'dc:creator' : 'dc:contributor', { id }, credit.name),
      x('meta', { refines: `#${id}`, property: 'role', scheme: 'marc:relators' }, relatorCode(credit)),
    ];
  });
  const content = describeLicense(book.license.content);
  const code = describeLicense(book.license.code);
  return [
    x('dc:identifier', { id: 'pub-id' }, book.identifier),
    x('dc:title', { id: 'title' }, book.title),
    meta('title-type', 'main', 'title'),
    ...(book.subtitle ? [x('dc:title', { id: 'subtitle' }, book.subtitle), meta('title-type', 'subtitle', 'subtitle')] : []),
    x('dc:language', book.language),
    ...credits,
    ...(book.publisher ? [x('dc:publisher', book.publisher)] : []),
    x('dc:date', dayOf(modified)),
    meta('dcterms:modified', modified),
    x('dc:rights', `Notes: ${content.name}. Code: ${code.name}.`),
    x('dc:description', book.description),
    ...book.subjects.map((subject) => x('dc:subject', subject)),
    ...a11y.accessModes.map((mode) => meta('schema:accessMode', mode)),
    ...a11y.accessModesSufficient.map((mode) => meta('schema:accessModeSufficient', mode)),
    ...a11y.features.map((feature) => meta('schema:accessibilityFeature', feature)),
    ...a11y.hazards.map((hazard) => meta('schema:accessibilityHazard', hazard)),
    meta('schema:accessibilitySummary', a11y.summary),
    meta('dcterms:conformsTo', a11y.conformsTo),
    meta('a11y:certifiedBy', a11y.certifiedBy),
    x('meta', { name: 'cover', content: 'cover-image' }),
  ];
}
