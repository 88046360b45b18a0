/**
 * GitHub's code palettes (the light and dark default themes), as pairs of light and dark colour.
 * The roles are GitHub's "prettylights" syntax roles.
 */
export const PALETTE = {
  text: ['#1F2328', '#E6EDF3'],
  keyword: ['#CF222E', '#FF7B72'],
  entity: ['#8250DF', '#D2A8FF'],
  constant: ['#0550AE', '#79C0FF'],
  string: ['#0A3069', '#A5D6FF'],
  variable: ['#953800', '#FFA657'],
  comment: ['#6E7781', '#8B949E'],
  tag: ['#116329', '#7EE787'],
  deleted: ['#82071E', '#FFA198'],
} as const;

export type Role = keyof typeof PALETTE;

/** The block itself: background and text, light and dark. */
export const BLOCK_STYLE = 'background-color:#ffffff;--shiki-dark-bg:#0d1117;color:#1f2328;--shiki-dark:#e6edf3';

/**
 * highlight.js scopes (`hljs-keyword`) to roles, as highlight.js's own GitHub theme
 * (styles/github.css) pairs them. Scopes not listed (params, punctuation, property) take the
 * colour of the scope around them.
 */
const ROLES: Record<string, Role> = {
  keyword: 'keyword',
  doctag: 'keyword',
  'template-tag': 'keyword',
  'template-variable': 'keyword',
  type: 'keyword',
  title: 'entity',
  attr: 'constant',
  attribute: 'constant',
  literal: 'constant',
  meta: 'constant',
  number: 'constant',
  operator: 'constant',
  variable: 'constant',
  'selector-attr': 'constant',
  'selector-class': 'constant',
  'selector-id': 'constant',
  section: 'constant',
  regexp: 'string',
  string: 'string',
  built_in: 'variable',
  symbol: 'variable',
  comment: 'comment',
  code: 'comment',
  formula: 'comment',
  name: 'tag',
  quote: 'tag',
  'selector-tag': 'tag',
  'selector-pseudo': 'tag',
  addition: 'tag',
  deletion: 'deleted',
  subst: 'text',
  emphasis: 'text',
  strong: 'text',
};

/** The role of a highlight.js span's classes (`['hljs-variable', 'language_']`), if it sets one. */
export function roleOf(classes: readonly string[]): Role | undefined {
  const scope = classes.find((c) => c.startsWith('hljs-'))?.slice('hljs-'.length);
  if (scope === undefined) return undefined;
  // `self` and `this` (variable.language_) are keywords in GitHub's themes.
  if (scope === 'variable' && classes.includes('language_')) return 'keyword';
  return ROLES[scope];
}
