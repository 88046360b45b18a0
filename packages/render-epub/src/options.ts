/** Options of {@link renderEpub}. */
export interface RenderEpubOptions {
  /**
   * Version of the content printed in the colophon, e.g. the version of `@dmls/content`. When
   * omitted, the colophon says the edition is unversioned.
   */
  version?: string;
  /**
   * Date-time of the build, printed in the colophon and written as `dcterms:modified`. Defaults to
   * `book.modified` (the content's last change), never to the clock, so that two builds of the same
   * content are byte-identical. Pass a date derived from `SOURCE_DATE_EPOCH` to override.
   */
  modified?: string | Date;
  /** Embed the open monospace font (Source Code Pro, Latin subset) for code. Default `true`. */
  embedFonts?: boolean;
}

/** Options with defaults applied and dates normalised. */
export interface ResolvedOptions {
  version: string | undefined;
  /** `CCYY-MM-DDThh:mm:ssZ`, as `dcterms:modified` requires. */
  modified: string;
  embedFonts: boolean;
}
