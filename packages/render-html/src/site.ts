import type { Book, Chapter, Section } from '@dmls/core';
import { contentCss } from '@dmls/theme';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { adaptTree, type Reference } from './adapt-tree.js';
import { chapterLabel, colophon, glossaryList, noteAuthors, tocList } from './book-parts.js';
import { renderSinglePage } from './single-page.js';
import siteCss from './site.css';
import themeScript from './theme-script.js';

export interface SiteOptions {
  /** Package version, shown in the footer and on the single-page edition. */
  version?: string;
  /** Absolute URL where the site will live (e.g. `https://example.org/dmls/`), for canonical links, Open Graph and the sitemap. */
  siteUrl?: string;
}

/** One file of the site: a path relative to the site's root, and its content. */
export interface SiteFile {
  path: string;
  content: string;
}

/** The reading site: home, a page per chapter, glossary, single-page edition, 404, CSS, figures, sitemap. */
export function renderSite(book: Book, options: SiteOptions = {}): SiteFile[] {
  const files: SiteFile[] = [];
  const all = [book.introduction, ...book.chapters];
  const link = (ref: Reference) => `${ref.chapter === book.introduction.id ? 'index' : ref.chapter}.html${ref.section ? `#${ref.section}` : ''}`;
  const pageName = (chapter: Chapter) => link({ chapter: chapter.id });

  all.forEach((chapter, i) => {
    const tree = adaptTree(chapter, { resolveLink: link, headingAnchors: true });
    const previous = all[i - 1];
    const next = all[i + 1];
    const body = [
      h('header.chapter-head', [
        h('p.chapter-label', chapterLabel(chapter)),
        h('h1', chapter === book.introduction ? book.title : chapter.title),
        h('p.summary', chapter.summary),
        h('p.meta', `${chapter.readingMinutes} min read · ${chapter.wordCount.toLocaleString('en')} words`),
      ]),
      ...(tree.children as ElementContent[]),
      h('nav.prev-next', { ariaLabel: 'Previous and next chapter' }, [
        previous ? h('a.prev', { href: pageName(previous), rel: 'prev' }, [h('span.dir', 'Previous'), previous.title]) : h('span'),
        next
          ? h('a.next', { href: pageName(next), rel: 'next' }, [h('span.dir', 'Next'), next.title])
          : h('a.next', { href: 'glossary.html', rel: 'next' }, [h('span.dir', 'Next'), 'Glossary']),
      ]),
    ];
    files.push({
      path: pageName(chapter),
      content: page(book, options, {
        path: pageName(chapter),
        title: chapter === book.introduction ? book.title : `${chapter.title} · ${book.title}`,
        description: chapter.summary,
        current: chapter.id,
        body,
        outline: chapter.sections,
      }),
    });
  });

  files.push({
    path: 'glossary.html',
    content: page(book, options, {
      path: 'glossary.html',
      title: `Glossary · ${book.title}`,
      description: `Definitions of ${book.glossary.length} key terms of ${book.title}.`,
      current: 'glossary',
      body: [h('header.chapter-head', [h('h1', 'Glossary')]), glossaryList(book, link)],
    }),
  });
  files.push({
    path: '404.html',
    content: page(book, options, {
      path: '404.html',
      title: `Page not found · ${book.title}`,
      description: 'This page does not exist.',
      current: '',
      body: [
        h('header.chapter-head', [h('h1', 'Page not found')]),
        h('p', ['There is no page at this address. Start from ', h('a', { href: 'index.html' }, 'the table of contents'), '.']),
      ],
    }),
  });
  files.push({
    path: 'book.html',
    content: renderSinglePage(book, {
      ...(options.version ? { version: options.version } : {}),
      head: headMeta(book, options, 'book.html', book.description),
    }),
  });
  files.push({ path: 'style.css', content: `${contentCss}\n${siteCss}` });
  for (const chapter of all) for (const figure of chapter.figures) files.push({ path: figure.src, content: figure.svg });
  if (options.siteUrl) {
    const base = options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`;
    const urls = files.filter((f) => f.path.endsWith('.html') && f.path !== '404.html').map((f) => `  <url><loc>${base}${f.path}</loc><lastmod>${book.modified.slice(0, 10)}</lastmod></url>`);
    files.push({ path: 'sitemap.xml', content: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n` });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

interface PageSpec {
  path: string;
  title: string;
  description: string;
  current: string;
  body: ElementContent[];
  outline?: Section[];
}

function headMeta(book: Book, options: SiteOptions, path: string, description: string): Element[] {
  if (!options.siteUrl) return [];
  const base = options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`;
  return [
    h('link', { rel: 'canonical', href: base + path }),
    h('meta', { property: 'og:type', content: 'book' }),
    h('meta', { property: 'og:site_name', content: book.title }),
    h('meta', { property: 'og:url', content: base + path }),
    h('meta', { property: 'og:description', content: description }),
  ];
}

function page(book: Book, options: SiteOptions, spec: PageSpec): string {
  const outline = spec.outline?.length
    ? h('aside.page-outline', { ariaLabelledBy: 'outline-title' }, [
        h('p.outline-title', { id: 'outline-title' }, 'On this page'),
        h('ol', spec.outline.map((s) => h('li', [h('a', { href: `#${s.id}` }, s.title)]))),
      ])
    : undefined;
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: book.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', spec.title),
          h('meta', { name: 'description', content: spec.description }),
          h('meta', { name: 'author', content: noteAuthors(book) }),
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          h('meta', { property: 'og:title', content: spec.title }),
          ...headMeta(book, options, spec.path, spec.description),
          h('link', { rel: 'stylesheet', href: 'style.css' }),
          // Runs before first paint so that a remembered theme never flashes the other one.
          h('script', themeScript),
        ]),
        h('body', [
          h('a.skip-link', { href: '#main' }, 'Skip to content'),
          h('header.topbar', [
            h('a.site-title', { href: 'index.html' }, book.title),
            h('a.topbar-link', { href: 'book.html' }, 'Single page'),
            h('button.theme-toggle', { type: 'button', ariaLabel: 'Switch between light and dark theme', hidden: true }, 'Theme'),
          ]),
          h('div.layout', [
            h('nav.sidebar', { ariaLabel: 'Chapters' }, [
              h('details.toc-details', { open: true }, [
                h('summary', 'Contents'),
                tocList(book, (ref) => `${ref.chapter === book.introduction.id ? 'index' : ref.chapter}.html`, { depth: 1, current: spec.current, glossary: 'glossary.html' }),
              ]),
            ]),
            h('main#main', [h('article', spec.body)]),
            outline,
          ].filter((e) => e !== undefined)),
          h('footer.site-footer', colophon(book, options.version)),
        ]),
      ]),
    ],
  };
  return toHtml(tree);
}
