import type { Book, Section } from '@dmls/core';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from './to-html.js';
import { h, s } from 'hastscript';
import { colophon, documentHead, tocList } from './book-parts.js';
import { bodyFontPath } from './site-assets.js';
import themeScript from './theme-script.js';

// Icons are made per call, not at load time, so that a bundle that uses only renderChapterHtml drops them.
/** The toggle's icon; its name comes from the label beside it, which phones hide visually. */
const moon = () => s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 16 16', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' }, [
  s('path', { d: 'M6 .5a7.5 7.5 0 1 0 9.5 9.5A6 6 0 0 1 6 .5z', fill: 'currentColor' }),
]);

const lens = () => s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 16 16', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' }, [
  s('path', { d: 'M6.5 1a5.5 5.5 0 0 1 4.4 8.8l3.9 3.9-1.1 1.1-3.9-3.9A5.5 5.5 0 1 1 6.5 1zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', fill: 'currentColor' }),
]);

/** What the page shell needs to know about the site as a whole. */
export interface ShellOptions {
  version?: string;
  siteUrl?: string;
  injectScript?: string;
}

/** One page of the site, before the shell is put around it. */
export interface PageSpec {
  /** Path from the site's root; every link on the page is relative to it (all pages sit at the root). */
  path: string;
  title: string;
  description: string;
  /** Chapter id (or `glossary`) to mark as current in the contents. */
  current: string;
  body: ElementContent[];
  /** Sections for the "On this page" outline. */
  outline?: Array<Pick<Section, 'id' | 'title'>>;
  /** The search page has its own search box, so it leaves out the one in the top bar. */
  searchBox?: boolean;
  /** Scripts that run after the page's content (the search page's). */
  scripts?: string[];
  /** A `<base>` URL: the 404 page is served at any depth, where its relative links would break. */
  base?: string;
}

/** The site's absolute URL with a trailing slash, when one was given. */
export function baseUrl(siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  return siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
}

/** Open Graph and canonical tags; the ones that need an absolute URL only when `siteUrl` is known. */
export function headMeta(book: Book, options: ShellOptions, path: string, title: string, description: string): Element[] {
  const base = baseUrl(options.siteUrl);
  return [
    h('meta', { property: 'og:title', content: title }),
    h('meta', { property: 'og:description', content: description }),
    h('meta', { property: 'og:type', content: 'book' }),
    h('meta', { property: 'og:site_name', content: book.title }),
    h('meta', { property: 'og:locale', content: book.language.replace('-', '_') }),
    ...(base ? [h('link', { rel: 'canonical', href: base + path }), h('meta', { property: 'og:url', content: base + path })] : []),
  ];
}

/** An inline script, as the dev server's live reload needs it: last in `<body>`. */
export function injected(script: string | undefined): Element[] {
  return script ? [h('script', script)] : [];
}

/** The shell around every page but the single-page edition: top bar, contents, outline, footer. */
export function renderPage(book: Book, options: ShellOptions, spec: PageSpec): string {
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
          ...documentHead(book, spec.title, spec.description),
          // <base> must come before the first element with a URL (the links below).
          spec.base ? h('base', { href: spec.base }) : undefined,
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          ...headMeta(book, options, spec.path, spec.title, spec.description),
          h('link', { rel: 'icon', href: 'favicon.svg', type: 'image/svg+xml' }),
          // Every page sets body text in the regular weight: fetch it with the CSS, not after it.
          h('link', { rel: 'preload', href: bodyFontPath(), as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' }),
          h('link', { rel: 'stylesheet', href: 'style.css' }),
          // Runs before first paint so that a remembered theme never flashes the other one.
          h('script', themeScript),
        ].filter((e) => e !== undefined)),
        h('body', [
          h('a.skip-link', { href: '#main' }, 'Skip to content'),
          h('header.topbar', [
            h('a.site-title', { href: 'index.html' }, book.title),
            spec.searchBox === false
              ? undefined
              : h('form.topbar-search', { role: 'search', action: 'search.html' }, [
                  h('input', { type: 'search', name: 'q', ariaLabel: 'Search the notes', placeholder: 'Search', autoComplete: 'off' }),
                  h('button', { type: 'submit', ariaLabel: 'Search' }, [lens()]),
                ]),
            h('a.topbar-link', { href: 'book.html' }, 'Single page'),
            h('button.theme-toggle', { type: 'button', hidden: true }, [moon(), h('span.toggle-label', 'Dark theme')]),
          ].filter((e) => e !== undefined)),
          h('div.layout', [
            h('nav.sidebar', { ariaLabel: 'Chapters' }, [
              h('details.toc-details', { open: true }, [
                h('summary', 'Contents'),
                tocList(book, (ref) => `${ref.chapter === book.introduction.id ? 'index' : ref.chapter}.html`, {
                  depth: 1,
                  current: spec.current,
                  glossary: 'glossary.html',
                }),
              ]),
            ]),
            h('main#main', [h('article', spec.body)]),
            outline,
          ].filter((e) => e !== undefined)),
          h('footer.site-footer', colophon(book, options.version)),
          ...(spec.scripts ?? []).map((script) => h('script', script)),
          ...injected(options.injectScript),
        ]),
      ]),
    ],
  };
  return toHtml(tree, { upperDoctype: true });
}
