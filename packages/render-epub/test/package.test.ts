import type { Book } from '@dmls/core';
import type { Element } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEpub } from '../src/index.js';
import { Unpacked, byName, elements, fixtureBook, textOf } from './helpers.js';

let book: Book;
let epub: Unpacked;

beforeAll(async () => {
  book = await fixtureBook();
  epub = new Unpacked(await renderEpub(book, { version: '1.2.3' }));
});

const modified = (value: string): string => `${new Date(value).toISOString().slice(0, 19)}Z`;

describe('the container', () => {
  it('starts with the mimetype entry, stored, with no extra field', () => {
    const bytes = epub.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // method: stored
    expect(view.getUint16(26, true)).toBe('mimetype'.length);
    expect(view.getUint16(28, true)).toBe(0); // extra field length
    expect(new TextDecoder().decode(bytes.subarray(30, 38))).toBe('mimetype');
    expect(new TextDecoder().decode(bytes.subarray(38, 58))).toBe('application/epub+zip');
    expect(Object.keys(epub.files)[0]).toBe('mimetype');
  });

  it('points at the package document', () => {
    const rootfile = byName(epub.xml('META-INF/container.xml'), 'rootfile')[0];
    expect(rootfile?.attributes['full-path']).toBe('OEBPS/content.opf');
  });

  it('has every file in the manifest and every manifest item in the zip', () => {
    const items = byName(epub.xml('OEBPS/content.opf'), 'item');
    const inManifest = new Set(items.map((item) => `OEBPS/${item.attributes.href}`));
    const packaged = Object.keys(epub.files).filter((path) => !['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf'].includes(path));
    expect([...inManifest].sort()).toEqual(packaged.sort());
  });
});

describe('the package document', () => {
  const opf = () => epub.xml('OEBPS/content.opf');
  const metas = () => byName(opf(), 'meta');
  const property = (name: string) => metas().filter((meta) => meta.attributes.property === name).map(textOf);
  const dc = (name: string) => byName(opf(), `dc:${name}`);

  it('is EPUB 3 with the stable identifier as its unique identifier', () => {
    const pkg = byName(opf(), 'package')[0] as Element;
    expect(pkg.attributes.version).toBe('3.0');
    const id = dc('identifier')[0] as Element;
    expect(pkg.attributes['unique-identifier']).toBe(id.attributes.id);
    expect(textOf(id)).toBe(book.identifier);
  });

  it('has title, subtitle, language, publisher, rights, description and subjects', () => {
    const titles = dc('title');
    expect(titles.map(textOf)).toEqual(['The Fixture Book', 'Every authoring feature, once']);
    const typeOf = (title: Element) => metas().find((meta) => meta.attributes.refines === `#${title.attributes.id}` && meta.attributes.property === 'title-type');
    expect(titles.map((title) => textOf(typeOf(title) as Element))).toEqual(['main', 'subtitle']);
    expect(dc('language').map(textOf)).toEqual(['en']);
    expect(dc('publisher').map(textOf)).toEqual(['Fixture Press']);
    expect(textOf(dc('rights')[0] as Element)).toBe('Notes: Creative Commons Attribution 4.0 International (CC BY 4.0). Code: MIT License.');
    expect(dc('description').map(textOf)).toEqual([book.description]);
    expect(dc('subject').map(textOf)).toEqual(['Testing']);
  });

  it('credits creators and contributors with MARC relator roles', () => {
    const role = (element: Element) => metas().find((meta) => meta.attributes.refines === `#${element.attributes.id}` && meta.attributes.property === 'role');
    const credits = [...dc('creator'), ...dc('contributor')].map((element) => [element.name, textOf(element), textOf(role(element) as Element), role(element)?.attributes.scheme]);
    expect(credits).toEqual([
      ['dc:creator', 'Fixture Author', 'aut', 'marc:relators'],
      ['dc:contributor', 'Original Writer', 'ant', 'marc:relators'],
    ]);
  });

  it("takes dcterms:modified from the content's last change, not the clock", () => {
    expect(property('dcterms:modified')).toEqual([modified(book.modified)]);
    expect(property('dcterms:modified')[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('states its accessibility', () => {
    expect(property('schema:accessMode')).toEqual(['textual', 'visual']);
    expect(property('schema:accessModeSufficient')).toEqual(['textual', 'textual,visual']);
    expect(property('schema:accessibilityFeature')).toEqual(
      expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder', 'alternativeText', 'MathML']),
    );
    expect(property('schema:accessibilityHazard')).toEqual(['none']);
    expect(property('schema:accessibilitySummary')[0]).toMatch(/WCAG 2\.1 Level AA/);
    expect(property('dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA']);
    expect(property('a11y:certifiedBy')).toEqual(['Fixture Press']);
  });

  it('declares the nav, the cover image, and MathML only where there is math', () => {
    const items = new Map(byName(opf(), 'item').map((item) => [item.attributes.href, item.attributes.properties ?? '']));
    expect(items.get('toc.xhtml')).toBe('nav');
    expect(items.get('cover.svg')).toBe('cover-image');
    expect(items.get('chapter-going-further.xhtml')).toBe('mathml');
    expect(items.get('chapter-first-steps.xhtml')).toBe('');
    for (const [href] of items) {
      if (!href?.endsWith('.xhtml')) continue;
      const hasMath = byName(epub.xml(`OEBPS/${href}`), 'math').length > 0;
      expect(items.get(href)?.split(' ').includes('mathml'), href).toBe(hasMath);
    }
  });

  it('reads in a logical order: cover, title page, contents, introduction, chapters, glossary, colophon', () => {
    const items = new Map(byName(opf(), 'item').map((item) => [item.attributes.id, item.attributes.href]));
    const spine = byName(opf(), 'itemref').map((ref) => items.get(ref.attributes.idref ?? ''));
    expect(spine).toEqual([
      'cover.xhtml',
      'titlepage.xhtml',
      'toc.xhtml',
      'chapter-introduction.xhtml',
      'chapter-first-steps.xhtml',
      'chapter-going-further.xhtml',
      'glossary.xhtml',
      'colophon.xhtml',
    ]);
    expect(byName(opf(), 'spine')[0]?.attributes.toc).toBe('ncx');
  });
});

interface Entry {
  label: string;
  href: string;
  children: Entry[];
}

const expectedToc: Entry[] = [
  { label: 'About this book', href: 'chapter-introduction.xhtml', children: [{ label: 'How to read it', href: 'chapter-introduction.xhtml#how-to-read-it', children: [] }] },
  {
    label: '1. First Steps',
    href: 'chapter-first-steps.xhtml',
    children: [
      {
        label: 'Lists and tasks',
        href: 'chapter-first-steps.xhtml#lists-and-tasks',
        children: [
          {
            label: 'A subsection',
            href: 'chapter-first-steps.xhtml#a-subsection',
            children: [{ label: 'A sub-subsection', href: 'chapter-first-steps.xhtml#a-sub-subsection', children: [] }],
          },
        ],
      },
      { label: 'Callouts', href: 'chapter-first-steps.xhtml#callouts', children: [] },
      { label: 'A figure', href: 'chapter-first-steps.xhtml#a-figure', children: [] },
      { label: 'Key takeaways', href: 'chapter-first-steps.xhtml#key-takeaways', children: [] },
    ],
  },
  {
    label: '2. Going Further',
    href: 'chapter-going-further.xhtml',
    children: ['tables-and-code', 'math', 'links', 'key-takeaways'].map((id) => ({
      label: { 'tables-and-code': 'Tables and code', math: 'Math', links: 'Links', 'key-takeaways': 'Key takeaways' }[id] as string,
      href: `chapter-going-further.xhtml#${id}`,
      children: [],
    })),
  },
  { label: 'Glossary', href: 'glossary.xhtml', children: [] },
  { label: 'Colophon', href: 'colophon.xhtml', children: [] },
];

describe('navigation', () => {
  const navs = () => byName(epub.xml('OEBPS/toc.xhtml'), 'nav');
  const navOf = (type: string) => navs().find((nav) => nav.attributes['epub:type'] === type) as Element;
  const childElements = (element: Element, name: string) => element.children.filter((child): child is Element => child.type === 'element' && child.name === name);

  it('has the full section hierarchy in the navigation document', () => {
    const read = (ol: Element): Entry[] =>
      childElements(ol, 'li').map((li) => {
        const a = childElements(li, 'a')[0] as Element;
        const nested = childElements(li, 'ol')[0];
        return { label: textOf(a), href: a.attributes.href ?? '', children: nested ? read(nested) : [] };
      });
    expect(read(childElements(navOf('toc'), 'ol')[0] as Element)).toEqual(expectedToc);
  });

  it('has landmarks: cover, title page, contents, start of content, glossary, colophon', () => {
    const links = byName(navOf('landmarks'), 'a').map((a) => [a.attributes['epub:type'], a.attributes.href]);
    expect(links).toEqual([
      ['cover', 'cover.xhtml'],
      ['titlepage', 'titlepage.xhtml'],
      ['toc', 'toc.xhtml#toc'],
      ['bodymatter', 'chapter-introduction.xhtml'],
      ['glossary', 'glossary.xhtml'],
      ['colophon', 'colophon.xhtml'],
    ]);
  });

  it('has an EPUB 2 NCX with the same hierarchy, in play order', () => {
    const ncx = epub.xml('OEBPS/toc.ncx');
    const read = (parent: Element): Entry[] =>
      childElements(parent, 'navPoint').map((point) => ({
        label: textOf(childElements(point, 'navLabel')[0] as Element),
        href: childElements(point, 'content')[0]?.attributes.src ?? '',
        children: read(point),
      }));
    expect(read(byName(ncx, 'navMap')[0] as Element)).toEqual(expectedToc);
    const orders = byName(ncx, 'navPoint').map((point) => Number(point.attributes.playOrder));
    expect(orders).toEqual(orders.map((_, index) => index + 1));
    const head = new Map(byName(ncx, 'meta').map((meta) => [meta.attributes.name, meta.attributes.content]));
    expect(head.get('dtb:uid')).toBe(book.identifier);
    expect(head.get('dtb:depth')).toBe('4');
  });
});

describe('content documents', () => {
  const pages = () => Object.keys(epub.files).filter((path) => path.endsWith('.xhtml'));

  it('set the language on every page', () => {
    for (const page of pages()) {
      const html = byName(epub.xml(page), 'html')[0] as Element;
      expect([html.attributes.lang, html.attributes['xml:lang']], page).toEqual(['en', 'en']);
    }
  });

  it('mark chapters, the introduction, front and back matter with epub:type and ARIA roles', () => {
    const section = (page: string) => byName(epub.xml(`OEBPS/${page}`), 'section')[0] as Element;
    expect(section('chapter-first-steps.xhtml').attributes).toMatchObject({ 'epub:type': 'chapter', role: 'doc-chapter' });
    expect(section('chapter-introduction.xhtml').attributes).toMatchObject({ 'epub:type': 'introduction', role: 'doc-introduction' });
    expect(section('titlepage.xhtml').attributes['epub:type']).toBe('titlepage');
    expect(section('glossary.xhtml').attributes).toMatchObject({ 'epub:type': 'glossary', role: 'doc-glossary' });
    expect(section('colophon.xhtml').attributes).toMatchObject({ 'epub:type': 'colophon', role: 'doc-colophon' });
    const body = byName(epub.xml('OEBPS/chapter-first-steps.xhtml'), 'body')[0] as Element;
    expect(body.attributes['epub:type']).toBe('bodymatter');
  });

  it('turn footnotes into noterefs and footnote asides that point at each other', () => {
    const page = epub.xml('OEBPS/chapter-first-steps.xhtml');
    const refs = elements(page).filter((element) => element.attributes['epub:type'] === 'noteref');
    const notes = byName(page, 'aside').filter((aside) => aside.attributes['epub:type'] === 'footnote');
    expect(refs.map((ref) => ref.attributes.href)).toEqual(['#fn-one', '#fn-two']);
    expect(notes.map((note) => note.attributes.id)).toEqual(['fn-one', 'fn-two']);
    expect(notes.map((note) => note.attributes.role)).toEqual(['doc-footnote', 'doc-footnote']);
    expect(textOf(notes[1] as Element)).toMatch(/^\s*2\. Example Study, A Report \(2020\)\./);
    const back = byName(notes[0] as Element, 'a')[0] as Element;
    expect(back.attributes).toMatchObject({ href: '#fnref-one', role: 'doc-backlink' });
    expect(byName(page, 'ol').length).toBe(1); // the numbered list of the chapter, not the notes
  });

  it('show figures as SVG files with alt text and captions', () => {
    const figure = byName(epub.xml('OEBPS/chapter-first-steps.xhtml'), 'figure')[0] as Element;
    const img = byName(figure, 'img')[0] as Element;
    expect(img.attributes).toMatchObject({ src: 'images/circle.svg', alt: 'A circle inside a square.' });
    expect(textOf(byName(figure, 'figcaption')[0] as Element)).toBe('Figure 1.1 A circle, drawn as SVG.');
    // The figure as drawn: the same elements, attributes and text (minified, see size.test.ts).
    const drawing = (svg: string) => elements(fromXml(svg)).map((element) => [element.name, element.attributes, textOf(element)]);
    expect(drawing(epub.text('OEBPS/images/circle.svg'))).toEqual(drawing(book.chapters[0]?.figures[0]?.svg as string));
    for (const page of pages()) {
      for (const image of byName(epub.xml(page), 'img')) expect(image.attributes.alt?.trim(), page).not.toBe('');
    }
  });

  it('write math as MathML', () => {
    const maths = byName(epub.xml('OEBPS/chapter-going-further.xhtml'), 'math');
    expect(maths).toHaveLength(2);
    expect(maths.map((math) => math.attributes.xmlns)).toEqual(['http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1998/Math/MathML']);
  });

  it('write table alignment as styles and let tables scroll', () => {
    const page = epub.xml('OEBPS/chapter-going-further.xhtml');
    const cells = [...byName(page, 'th'), ...byName(page, 'td')];
    expect(cells.every((cell) => cell.attributes.align === undefined)).toBe(true);
    expect(byName(page, 'th').map((cell) => cell.attributes.style)).toEqual(['text-align: left', 'text-align: right', 'text-align: center']);
    const wrapper = byName(page, 'div').find((div) => div.attributes.class === 'table-wrap');
    expect(byName(wrapper as Element, 'table')).toHaveLength(1);
  });

  it('rewrite cross-chapter links to the EPUB files', () => {
    const hrefs = (page: string) => byName(epub.xml(`OEBPS/${page}`), 'a').map((a) => a.attributes.href);
    expect(hrefs('chapter-first-steps.xhtml')).toEqual(expect.arrayContaining(['chapter-going-further.xhtml#tables-and-code', '#lists-and-tasks', '#figure-circle']));
    expect(hrefs('chapter-going-further.xhtml')).toEqual(expect.arrayContaining(['chapter-introduction.xhtml', 'chapter-first-steps.xhtml#a-subsection', 'https://unifiedjs.com']));
  });
});

describe('fonts', () => {
  it('embeds the open code font with its @font-face, and leaves it out on request', async () => {
    expect(epub.files['OEBPS/fonts/source-code-pro-latin-400-normal.woff2']?.length).toBeGreaterThan(5000);
    expect(epub.text('OEBPS/style.css')).toContain('@font-face{font-family:"Source Code Pro";font-weight:400;font-style:normal;src:url("fonts/source-code-pro-latin-400-normal.woff2") format("woff2")}');
    const plain = new Unpacked(await renderEpub(book, { embedFonts: false }));
    expect(Object.keys(plain.files).filter((path) => path.includes('fonts/'))).toEqual([]);
    expect(plain.text('OEBPS/style.css')).not.toContain('@font-face');
  });
});

describe('front and back matter', () => {
  it('has an original SVG cover with the title and credits, and a cover page', () => {
    const svg = epub.xml('OEBPS/cover.svg');
    const text = byName(svg, 'tspan').map(textOf).join(' ');
    expect(text).toContain('The Fixture Book');
    expect(text).toContain('Notes by Fixture Author');
    expect(textOf(byName(svg, 'title')[0] as Element)).toMatch(/^Cover: The Fixture Book/);
    const img = byName(epub.xml('OEBPS/cover.xhtml'), 'img')[0] as Element;
    expect(img.attributes).toMatchObject({ src: 'cover.svg', role: 'doc-cover' });
    expect(img.attributes.alt).toMatch(/^Cover: The Fixture Book/);
  });

  it('has a title page with title, subtitle, credits and the source work', () => {
    const text = textOf(epub.xml('OEBPS/titlepage.xhtml'));
    for (const part of ['The Fixture Book', 'Every authoring feature, once', 'Notes by Fixture Author', 'On the book by Original Writer', 'An Original Book', 'Fixture Press']) {
      expect(text).toContain(part);
    }
  });

  it('has a colophon with the version, the build date and the licences', () => {
    const page = epub.xml('OEBPS/colophon.xhtml');
    const text = textOf(page);
    expect(text).toContain('version 1.2.3');
    expect(text).toContain(modified(book.modified).slice(0, 10));
    expect(text).toContain('Creative Commons Attribution 4.0 International (CC BY 4.0)');
    expect(text).toContain('MIT License');
    expect(byName(page, 'time')[0]?.attributes.datetime).toBe(modified(book.modified));
  });

  it('ends with the glossary, each term linked to the chapters that use it', () => {
    const page = epub.xml('OEBPS/glossary.xhtml');
    expect(byName(page, 'dfn').map(textOf)).toEqual(['Callout', 'Footnote']);
    const uses = byName(page, 'dd').map((dd) => byName(dd, 'a').map((a) => a.attributes.href));
    expect(uses).toEqual([['chapter-first-steps.xhtml', 'chapter-going-further.xhtml'], ['chapter-first-steps.xhtml']]);
  });
});
