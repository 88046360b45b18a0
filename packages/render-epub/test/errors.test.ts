import type { Book, Chapter } from '@dmls/core';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { EpubInputError, renderEpub } from '../src/index.js';
import { fixtureBook } from './helpers.js';

/** The first element of a chapter's tree that `test` accepts. */
function find(chapter: Chapter, test: (element: Element) => boolean): Element {
  let found: Element | undefined;
  visit(chapter.tree, 'element', (node) => {
    if (!found && test(node)) found = node;
  });
  if (!found) throw new Error('No such element in the fixture');
  return found;
}

const firstSteps = (book: Book) => book.chapters[0] as Chapter;
const circleImage = (book: Book) => find(firstSteps(book), (element) => element.tagName === 'img');
const linkTo = (book: Book, href: string) => find(firstSteps(book), (element) => element.tagName === 'a' && element.properties.href === href);

async function failure(change: (book: Book) => void): Promise<EpubInputError> {
  const book = await fixtureBook();
  change(book);
  const error = await renderEpub(book).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EpubInputError);
  return error as EpubInputError;
}

describe('bad input stops the build with the file and the fix', () => {
  it('a figure that is not SVG', async () => {
    const error = await failure((book) => {
      const figure = firstSteps(book).figures[0];
      if (figure) figure.src = 'figures/circle.png';
      circleImage(book).properties.src = 'figures/circle.png';
    });
    expect(error.file).toBe('figures/circle.png');
    expect(error.message).toMatch(/^figures\/circle\.png: is not an SVG file/);
    expect(error.hint).toMatch(/Convert the image to SVG/);
  });

  it('a figure that cannot be read, with the line and column of the cause', async () => {
    const error = await failure((book) => {
      const figure = firstSteps(book).figures[0];
      if (figure) figure.svg = '<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n</svg>';
    });
    expect(error.file).toMatch(/^figures\/circle\.svg:3:\d+$/);
    expect(error.message).toMatch(/cannot be read as SVG/);
  });

  it('a figure that loads something from the network', async () => {
    const error = await failure((book) => {
      const figure = firstSteps(book).figures[0];
      if (figure) figure.svg = '<svg xmlns="http://www.w3.org/2000/svg">\n<image href="https://example.com/a.png" width="10" height="10"/></svg>';
    });
    expect(error.file).toBe('figures/circle.svg:2:1');
    expect(error.message).toMatch(/refers to another file or the network/);
  });

  it('an image that is remote', async () => {
    const error = await failure((book) => {
      circleImage(book).properties.src = 'https://example.com/circle.svg';
    });
    expect(error.file).toBe('chapters/01-first-steps.md');
    expect(error.message).toMatch(/remote or embedded resource/);
  });

  it('an image that is not one of the figures', async () => {
    const error = await failure((book) => {
      circleImage(book).properties.src = 'figures/missing.svg';
    });
    expect(error.message).toMatch(/^chapters\/01-first-steps\.md: the image `figures\/missing\.svg` is not one of the chapter's figures/);
  });

  it('a figure without alt text', async () => {
    const error = await failure((book) => {
      circleImage(book).properties.alt = ' ';
    });
    expect(error.message).toMatch(/has no alt text/);
  });

  it('a link to a section that does not exist', async () => {
    const error = await failure((book) => {
      const link = linkTo(book, 'going-further.html#tables-and-code');
      link.properties.href = 'going-further.html#no-such-section';
      link.properties.dataSection = 'no-such-section';
    });
    expect(error.message).toMatch(/^chapters\/01-first-steps\.md: the link `going-further\.html#no-such-section` points at `#no-such-section`/);
    expect(error.hint).toMatch(/GitHub slug/);
  });

  it('a link to a chapter that does not exist', async () => {
    const error = await failure((book) => {
      const link = linkTo(book, 'going-further.html#tables-and-code');
      link.properties.href = 'no-such-chapter.html';
      link.properties.dataChapter = 'no-such-chapter';
      delete link.properties.dataSection;
    });
    expect(error.message).toMatch(/the link `no-such-chapter\.html` does not lead to a chapter of this book/);
  });

  it('a glossary term used in a chapter that does not exist', async () => {
    const error = await failure((book) => {
      book.glossary[0]?.chapters.push('no-such-chapter');
    });
    expect(error.file).toBe('glossary.yaml');
    expect(error.message).toMatch(/lists the chapter `no-such-chapter`/);
  });

  it('a modification date that is not a date', async () => {
    const error = await failure((book) => {
      book.modified = 'yesterday';
    });
    expect(error.file).toBe('book.yaml');
  });
});
