import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { FILES } from './layout.js';

/** Where a document sits in the book (the `epub:type` of its body). */
export type Matter = 'frontmatter' | 'bodymatter' | 'backmatter';

export interface PageInput {
  lang: string;
  title: string;
  matter: Matter;
  bodyClass?: string;
  content: ElementContent[];
}

/** A complete XHTML content document: language on the root, the stylesheet, a typed body. */
export function xhtmlPage({ lang, title, matter, bodyClass, content }: PageInput): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang, 'xml:lang': lang },
        [
          h('head', [
            h('meta', { charSet: 'utf-8' }),
            h('title', title),
            h('link', { rel: 'stylesheet', type: 'text/css', href: FILES.css }),
          ]),
          h('body', { 'epub:type': matter, className: bodyClass ? [bodyClass] : undefined }, content),
        ],
      ),
    ],
  };
}
