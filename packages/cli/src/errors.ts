/** An error meant for the person at the terminal: a message and what to do, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CliError';
  }
}
