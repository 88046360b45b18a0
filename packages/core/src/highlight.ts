import type { Element, ElementContent, Root, RootContent } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';
import { eachNode } from './walk.js';
import { BLOCK_STYLE, PALETTE, roleOf, type Role } from './code-colours.js';

// highlight.js (through lowlight) rather than a TextMate highlighter (shiki): its grammars are
// plain regular expressions, which highlight the book's code in under 100 ms where shiki took
// 0.5–1.7 s, most of it compiling grammars. Only the languages the notes use are registered.
const lowlight = createLowlight({ bash, dockerfile, javascript, json, python, sql, typescript, yaml });
lowlight.registerAlias({ bash: ['shellscript'] });

/** Languages the notes use; code in any other language stays plain (and readable). */
const LANGUAGES = new Set(['python', 'sql', 'bash', 'sh', 'shellscript', 'yaml', 'json', 'dockerfile', 'javascript', 'typescript']);

/**
 * Highlights `<pre><code class="language-x">` at build time. Runs after sanitisation. The markup
 * is that of shiki's dual themes, which the renderers and styles read: `pre.shiki`, a
 * `span.line` per line, and tokens that carry the light colour inline (so EPUB and PDF readers
 * keep it) and the dark one as the `--shiki-dark` variable for sites with a dark theme.
 */
export function highlightCode(tree: Root): void {
  eachNode(tree, 'element', (pre: Element) => {
    const code = pre.tagName === 'pre' ? pre.children[0] : undefined;
    if (code?.type !== 'element' || code.tagName !== 'code') return;
    const className = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
    const lang = className.find((c) => c.startsWith('language-'))?.slice('language-'.length);
    if (!lang || !LANGUAGES.has(lang)) return;
    const text = code.children.map((c) => (c.type === 'text' ? c.value : '')).join('').replace(/\n$/, '');
    const runs = tokenRuns(lowlight.highlight(lang, text).children, 'text', []);
    pre.properties = {
      className: ['shiki', 'shiki-themes', 'github-light-default', 'github-dark-default'],
      style: BLOCK_STYLE,
      dataLanguage: lang,
    };
    pre.children = [{ type: 'element', tagName: 'code', properties: {}, children: lines(runs) }];
  });
}

interface Run {
  text: string;
  role: Role;
}

/** Flattens highlight.js's nested scopes into runs of text, each in the colour of its innermost scope. */
function tokenRuns(nodes: readonly (RootContent | ElementContent)[], role: Role, runs: Run[]): Run[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      const last = runs[runs.length - 1];
      if (last?.role === role) last.text += node.value;
      else runs.push({ text: node.value, role });
    } else if (node.type === 'element') {
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      tokenRuns(node.children, roleOf(classes) ?? role, runs);
    }
  }
  return runs;
}

/** One `span.line` per line, joined by newlines; text in the block's own colour needs no span. */
function lines(runs: readonly Run[]): ElementContent[] {
  const out: ElementContent[] = [];
  let line: Element = newLine();
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        out.push(line, { type: 'text', value: '\n' });
        line = newLine();
      }
      if (part === '') return;
      const last = line.children[line.children.length - 1];
      if (run.role === 'text' || part.trim() === '') {
        if (last?.type === 'text') last.value += part;
        else line.children.push({ type: 'text', value: part });
      } else {
        const [light, dark] = PALETTE[run.role];
        line.children.push({ type: 'element', tagName: 'span', properties: { style: `color:${light};--shiki-dark:${dark}` }, children: [{ type: 'text', value: part }] });
      }
    });
  }
  out.push(line);
  return out;
}

function newLine(): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['line'] }, children: [] };
}
