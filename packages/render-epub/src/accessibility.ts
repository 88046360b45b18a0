/** What the publication offers readers of every ability (EPUB Accessibility 1.1, schema.org). */
export interface AccessibilityMetadata {
  accessModes: string[];
  accessModesSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  conformsTo: string;
  certifiedBy: string;
}

export function accessibilityMetadata({ hasMath, certifiedBy }: { hasMath: boolean; certifiedBy: string }): AccessibilityMetadata {
  return {
    accessModes: ['textual', 'visual'],
    // Every figure has alt text and a caption, so the text alone carries the content.
    accessModesSufficient: ['textual', 'textual,visual'],
    features: [
      'structuralNavigation',
      'tableOfContents',
      'readingOrder',
      'alternativeText',
      'ARIA',
      'displayTransformability',
      ...(hasMath ? ['MathML'] : []),
    ],
    hazards: ['none'],
    summary:
      'This publication meets EPUB Accessibility 1.1 and WCAG 2.1 Level AA. Chapters, sections, ' +
      'footnotes, the glossary and the front and back matter are marked up with EPUB structural ' +
      'semantics and ARIA roles; the table of contents lists every section; every figure has ' +
      'alternative text and a caption; math is MathML; text has no fixed typeface or size, and its ' +
      'colours meet WCAG AA contrast. It has no flashing, motion or sound.',
    conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
    certifiedBy,
  };
}
