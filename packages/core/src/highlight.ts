import type { Element, Root } from 'hast';
import type { HighlighterCore } from 'shiki/core';
import { visit } from 'unist-util-visit';

/** Languages the notes use; code in any other language stays plain (and readable). */
const LANGUAGES = ['python', 'sql', 'bash', 'shellscript', 'yaml', 'json', 'dockerfile', 'javascript', 'typescript'] as const;

let highlighter: Promise<HighlighterCore> | undefined;

// Shiki is ESM-only and takes ~100 ms to start: load it once, on the first code block.
function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: [
        import('shiki/langs/python.mjs'),
        import('shiki/langs/sql.mjs'),
        import('shiki/langs/shellscript.mjs'),
        import('shiki/langs/yaml.mjs'),
        import('shiki/langs/json.mjs'),
        import('shiki/langs/dockerfile.mjs'),
        import('shiki/langs/javascript.mjs'),
        import('shiki/langs/typescript.mjs'),
      ],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter;
}

/**
 * Highlights `<pre><code class="language-x">` at build time. Runs after sanitisation: the spans
 * carry the light colour inline (so EPUB and PDF readers keep it) and the dark one as the
 * `--shiki-dark` variable for sites with a dark theme.
 */
export async function highlightCode(tree: Root): Promise<void> {
  const blocks: { pre: Element; lang: string; code: string }[] = [];
  visit(tree, 'element', (pre: Element) => {
    const code = pre.tagName === 'pre' ? pre.children[0] : undefined;
    if (code?.type !== 'element' || code.tagName !== 'code') return;
    const className = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
    const lang = className.find((c) => c.startsWith('language-'))?.slice('language-'.length);
    if (!lang || !(LANGUAGES as readonly string[]).includes(lang === 'sh' ? 'bash' : lang)) return;
    const text = code.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    blocks.push({ pre, lang, code: text.replace(/\n$/, '') });
  });
  if (blocks.length === 0) return;
  const shiki = await getHighlighter();
  for (const { pre, lang, code } of blocks) {
    const result = shiki.codeToHast(code, {
      lang: lang === 'sh' ? 'bash' : lang,
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: 'light',
    });
    const highlighted = result.children[0];
    if (highlighted?.type !== 'element') continue;
    highlighted.properties.dataLanguage = lang;
    delete highlighted.properties.tabindex;
    Object.assign(pre, highlighted);
  }
}
