import { defaultSchema } from 'rehype-sanitize';

type Schema = typeof defaultSchema;

// KaTeX's MathML output. Presentation MathML only: no `href`, no `maction`.
const MATHML = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub',
  'msubsup', 'mfrac', 'msqrt', 'mroot', 'munder', 'mover', 'munderover', 'mtable', 'mtr', 'mtd',
  'mstyle', 'mpadded', 'mphantom', 'menclose', 'mlabeledtr',
];

/**
 * GitHub's sanitisation rules (hast-util-sanitize's default), widened only for what the compiler
 * itself emits: figures, callouts, MathML and resolved cross-references. Ids are not prefixed
 * here; renderers that combine chapters (or embed them) prefix them.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  // Images are the book's own figures: relative URLs only, so embedded chapters load nothing
  // remote. An empty list would allow every protocol, so name one that no URL uses.
  protocols: { ...defaultSchema.protocols, src: ['relative-only'] },
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'section', ...MATHML],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'role', 'ariaHidden'],
    a: [...(defaultSchema.attributes?.['a'] ?? []), 'dataChapter', 'dataSection'],
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'width', 'height'],
    section: ['dataFootnotes'],
    math: ['xmlns', 'display'],
    annotation: ['encoding'],
    mi: ['mathvariant'],
    mo: ['fence', 'separator', 'stretchy', 'lspace', 'rspace', 'minsize', 'maxsize', 'movablelimits', 'accent'],
    mspace: ['width'],
    mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
    mstyle: ['displaystyle', 'scriptlevel', 'mathvariant', 'mathcolor'],
    mtable: ['columnalign', 'rowspacing', 'columnspacing', 'columnlines', 'rowlines', 'frame'],
    mtd: ['columnalign', 'columnspan', 'rowspan'],
    mover: ['accent'],
    munder: ['accentunder'],
    menclose: ['notation'],
    mfrac: ['linethickness'],
  },
};
