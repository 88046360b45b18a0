/** One file of the site: a path relative to the site's root, and its content (text, or bytes for fonts). */
export interface SiteFile {
  path: string;
  content: string | Uint8Array;
}
