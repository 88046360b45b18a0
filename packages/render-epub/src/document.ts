import type { Root } from 'hast';

/** An XHTML content document of the publication, before serialisation. */
export interface ContentDocument {
  /** Manifest id (an XML name). */
  id: string;
  /** Path inside `OEBPS/`. */
  file: string;
  /** The document's `<title>`. */
  title: string;
  /** The whole XHTML page. */
  page: Root;
}
