import type { Book, Credit } from '@dmls/core';

const roleLabels: Record<Credit['role'], string> = {
  author: 'Notes by',
  'source-author': 'On the book by',
  editor: 'Edited by',
  illustrator: 'Illustrated by',
};

/** "Notes by dmls contributors": a credit as one line. */
export function creditLine(credit: Credit): string {
  return `${roleLabels[credit.role]} ${credit.name}`;
}

/** MARC relator code of a credit's role, for `<meta property="role" scheme="marc:relators">`. */
export function relatorCode(credit: Credit): string {
  // `ant` (bibliographic antecedent): the author of the work that these notes are based on.
  const codes: Record<Credit['role'], string> = { author: 'aut', 'source-author': 'ant', editor: 'edt', illustrator: 'ill' };
  return codes[credit.role];
}

/** The people who made this publication (`dc:creator`); the others are contributors. */
export function isCreator(credit: Credit): boolean {
  return credit.role === 'author';
}

/** "Designing Machine Learning Systems by Chip Huyen (O'Reilly Media, 2022)". */
export function sourceLine(book: Book): string {
  const { source } = book;
  return `${source.title} by ${source.author} (${source.publisher}, ${source.year})`;
}
