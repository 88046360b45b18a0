import type { ContentDocument } from './document.js';
import { usesMath, usesSvg } from './features.js';
import type { FigureFile } from './figure-files.js';
import type { EmbeddedFont } from './fonts.js';
import { FILES } from './layout.js';
import type { ManifestItem } from './package-document.js';

export interface ManifestInput {
  documents: readonly ContentDocument[];
  nav: ContentDocument;
  figures: readonly FigureFile[];
  fonts: readonly EmbeddedFont[];
}

/**
 * Every resource of the publication (but the NCX) with its media type and properties: `nav`,
 * `mathml` and `svg` where a document has them, `cover-image` on the cover.
 */
export function manifestItems({ documents, nav, figures, fonts }: ManifestInput): { items: ManifestItem[]; hasMath: boolean } {
  const withMath = new Set(documents.filter((document) => usesMath(document.page)));
  const items: ManifestItem[] = [
    ...documents.map((document) => ({
      id: document.id,
      href: document.file,
      mediaType: 'application/xhtml+xml',
      properties: [
        ...(document === nav ? ['nav'] : []),
        ...(withMath.has(document) ? ['mathml'] : []),
        ...(usesSvg(document.page) ? ['svg'] : []),
      ],
    })),
    { id: 'css', href: FILES.css, mediaType: 'text/css' },
    { id: 'cover-image', href: FILES.coverImage, mediaType: 'image/svg+xml', properties: ['cover-image'] },
    ...figures.map((figure) => ({ id: figure.id, href: figure.href, mediaType: 'image/svg+xml' })),
    ...fonts.map((font, index) => ({ id: `font-${index + 1}`, href: font.href, mediaType: font.mediaType })),
  ];
  return { items, hasMath: withMath.size > 0 };
}
