import type { Book } from '@dmls/core';
import type { ElementContent } from 'hast';

type Child = ElementContent | string;
import { h } from 'hastscript';
import { dayOf } from './dates.js';
import type { ContentDocument } from './document.js';
import type { EmbeddedFont } from './fonts.js';
import { FILES } from './layout.js';
import { describeLicense } from './licenses.js';
import { xhtmlPage } from './xhtml-page.js';

export interface ColophonInput {
  version: string | undefined;
  modified: string;
  fonts: readonly EmbeddedFont[];
}

/** The colophon: edition, version, build date, identifier, licences, source, typography. */
export function colophonDocument(book: Book, { version, modified, fonts }: ColophonInput): ContentDocument {
  const { source } = book;
  const rows: [string, Child[]][] = [
    ['Edition', [`EPUB 3 edition${version ? `, version ${version}` : ' (unversioned build)'}`]],
    ['Built', [h('time', { dateTime: modified }, dayOf(modified)), ' (the date of the content’s last change)']],
    ['Identifier', [book.identifier]],
    ['Language', [book.language]],
    ...(book.publisher ? ([['Publisher', [book.publisher]]] as [string, Child[]][]) : []),
    ['Notes licence', licence(book.license.content)],
    ['Code licence', licence(book.license.code)],
    [
      'Source',
      [
        'These are study notes on ',
        h('cite', source.title),
        ` by ${source.author} (${source.publisher}, ${source.year}${source.isbn ? `, ISBN ${source.isbn}` : ''}).`,
      ],
    ],
    ['Typography', [typography(fonts)]],
  ];
  return {
    id: 'colophon',
    file: FILES.colophon,
    title: 'Colophon',
    page: xhtmlPage({
      lang: book.language,
      title: 'Colophon',
      matter: 'backmatter',
      content: [
        h('section', { 'epub:type': 'colophon', role: 'doc-colophon', className: ['colophon'], ariaLabelledBy: 'colophon-title' }, [
          h('h1', { id: 'colophon-title' }, 'Colophon'),
          h('p', [h('cite', book.title), book.subtitle ? `: ${book.subtitle}.` : '.']),
          h('dl', rows.flatMap(([term, description]) => [h('dt', term), h('dd', description)])),
        ]),
      ],
    }),
  };
}

function licence(id: string): Child[] {
  const { name, url } = describeLicense(id);
  return url ? [h('a', { href: url }, name)] : [name];
}

function typography(fonts: readonly EmbeddedFont[]): string {
  const embedded = fonts.map((font) => `${font.family} (${font.license}) for code`).join('; ');
  return `Text in the reading system’s own typeface${embedded ? `; ${embedded}` : ''}. Math as MathML, figures as SVG.`;
}
