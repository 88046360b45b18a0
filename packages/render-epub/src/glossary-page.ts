import type { Book } from '@dmls/core';
import { h } from 'hastscript';
import { chapterLabel } from './chapter-page.js';
import type { ContentDocument } from './document.js';
import { EpubInputError } from './errors.js';
import { chapterFileName, FILES } from './layout.js';
import { xhtmlPage } from './xhtml-page.js';

/** The glossary as the book's last section: each term, its definition and the chapters that use it. */
export function glossaryDocument(book: Book): ContentDocument {
  const chapters = new Map([book.introduction, ...book.chapters].map((chapter) => [chapter.id, chapter]));
  const entries = book.glossary.flatMap((entry) => {
    const uses = entry.chapters.map((id) => {
      const chapter = chapters.get(id);
      if (!chapter) {
        throw new EpubInputError('glossary.yaml', `the term “${entry.term}” lists the chapter \`${id}\`, which is not in the book.`, 'List chapters by id, the chapter file name without its number and `.md`, e.g. `training-data`.');
      }
      return chapter;
    });
    return [
      h('dt', { id: `term-${entry.id}` }, [h('dfn', { 'epub:type': 'glossterm' }, entry.term)]),
      h('dd', { 'epub:type': 'glossdef' }, [
        h('p', entry.definition),
        ...(uses.length > 0
          ? [
              h('p', { className: ['glossary-uses'] }, [
                'Used in: ',
                ...uses.flatMap((chapter, index) => [...(index > 0 ? ['; '] : []), h('a', { href: chapterFileName(chapter) }, chapterLabel(chapter))]),
                '.',
              ]),
            ]
          : []),
      ]),
    ];
  });
  return {
    id: 'glossary',
    file: FILES.glossary,
    title: 'Glossary',
    page: xhtmlPage({
      lang: book.language,
      title: 'Glossary',
      matter: 'backmatter',
      content: [
        h('section', { 'epub:type': 'glossary', role: 'doc-glossary', className: ['glossary'], ariaLabelledBy: 'glossary-title' }, [
          h('h1', { id: 'glossary-title' }, 'Glossary'),
          h('dl', entries),
        ]),
      ],
    }),
  };
}
