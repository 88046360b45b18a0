import { EpubInputError } from './errors.js';

/** `CCYY-MM-DDThh:mm:ssZ`, the only form `dcterms:modified` accepts. */
export function toModified(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new EpubInputError('book.yaml', `the book's modification date \`${String(value)}\` is not a date.`, 'Give `modified` as an ISO 8601 date-time, e.g. `2025-01-31T12:00:00Z`.');
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The calendar day of a `dcterms:modified` value, e.g. `2025-01-31`. */
export function dayOf(modified: string): string {
  return modified.slice(0, 10);
}
