/** Why rendering the PDF failed, for callers that react differently to each. */
export type RenderPdfErrorCode =
  /** No Chromium or Chrome was found (or the given path does not exist). */
  | 'no-browser'
  /** Chromium could not be started, crashed, or closed the connection. */
  | 'browser-failed'
  /** A step took longer than `timeoutMs`. */
  | 'timeout'
  /** Chromium's output was not a PDF that this package understands. */
  | 'bad-output';

/** An error from `renderPdf`, with a message meant for the person who runs the build. */
export class RenderPdfError extends Error {
  constructor(
    message: string,
    readonly code: RenderPdfErrorCode,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'RenderPdfError';
  }
}
