import type { ParsedChapter } from './chapter.js';
import type { Diagnostics } from './diagnostics.js';
import type { GlossaryEntry } from './types.js';

/** Rules that keep the notes healthy; each can be set to `off`, `warn` or `error` in book.yaml's `lint`. */
export const LINT_RULES = {
  'key-takeaways': 'Every chapter ends with a `## Key takeaways` section.',
  'long-paragraph': 'Paragraphs stay under 220 words.',
  'bare-url': 'Links have link text, not a bare URL.',
  'unused-figure': 'Every SVG in figures/ is used by some chapter.',
  'unused-term': 'Every glossary term appears in the chapters it lists.',
  'keyword-not-in-glossary': 'Every chapter keyword is a glossary term.',
} as const;

export type LintRule = keyof typeof LINT_RULES;
export type LintConfig = Partial<Record<string, 'off' | 'warn' | 'error'>>;

export const LONG_PARAGRAPH_WORDS = 220;

export function lintBook(
  chapters: readonly ParsedChapter[],
  figureFiles: ReadonlyMap<string, string>,
  glossary: readonly GlossaryEntry[],
  files: { figures: (rel: string) => string; glossary: string; glossaryLine: (index: number) => number },
  config: LintConfig,
  diagnostics: Diagnostics,
): void {
  const report = (rule: LintRule, file: string, at: { line: number; column: number } | undefined, message: string, hint: string) => {
    const level = config[rule] ?? 'warn';
    if (level === 'off') return;
    diagnostics.add(file, at, rule, message, hint, level === 'error' ? 'error' : 'warning');
  };

  for (const chapter of chapters) {
    const source = chapter.source;
    if (chapter.number > 0 && chapter.sections.at(-1)?.id !== 'key-takeaways') {
      report('key-takeaways', chapter.file, { line: source.split('\n').length, column: 1 }, 'The chapter does not end with `## Key takeaways`', 'Close the chapter with `## Key takeaways` and 5–10 bullets.');
    }
    for (const { words, at } of chapter.lint.longParagraphs) {
      report('long-paragraph', chapter.file, at, `A paragraph of ${words} words`, `Split it: readers lose the thread past about ${LONG_PARAGRAPH_WORDS} words.`);
    }
    for (const { text, at } of chapter.lint.bareUrls) {
      report('bare-url', chapter.file, at, `Bare URL ${text}`, 'Write it as [what it is](url), so that readers and screen readers know where it goes.');
    }
  }

  const used = new Set(chapters.flatMap((c) => c.figures.map((f) => f.src)));
  for (const src of figureFiles.keys()) {
    if (!used.has(src)) report('unused-figure', files.figures(src), undefined, `Figure ${src} is not used by any chapter`, 'Use it in a chapter with ![alt](../figures/….svg "Caption"), or delete it.');
  }

  const texts = new Map(chapters.map((c) => [c.id, c.lint.text]));
  // Keywords are tags ("ensembles", "Kafka"): covered when a glossary term names the same idea,
  // singular or plural, or a longer term contains it ("drift detection" ⊂ "… drift detection …").
  const normal = (text: string) => text.toLowerCase().replace(/[-–]/g, ' ').replace(/\(.*?\)/g, '').replace(/s\b/g, '').trim();
  const terms = glossary.map((g) => normal(g.term));
  const covered = (keyword: string) => terms.some((term) => term === keyword || term.includes(keyword) || keyword.includes(term));
  for (const [index, entry] of glossary.entries()) {
    const stem = entry.term.toLowerCase().replace(/\s*\(.*\)$/, '');
    const missing = entry.chapters.filter((id) => texts.has(id) && !texts.get(id)!.includes(stem.slice(0, Math.max(4, stem.length - 2))));
    if (missing.length > 0) {
      report('unused-term', files.glossary, { line: files.glossaryLine(index), column: 1 }, `Glossary term "${entry.term}" does not appear in ${missing.join(', ')}`, 'Remove those chapter ids from the entry, or use the term in the text.');
    }
  }
  for (const chapter of chapters) {
    for (const keyword of chapter.frontMatter?.keywords ?? []) {
      if (!covered(normal(keyword))) {
        report('keyword-not-in-glossary', chapter.file, { line: 2, column: 1 }, `Keyword "${keyword}" is not in the glossary`, 'Add it to glossary.yaml with a definition, or drop it from keywords.');
      }
    }
  }
}
