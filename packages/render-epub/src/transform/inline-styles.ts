import type { Root } from 'hast';
import { eachElement } from '../walk.js';

/**
 * Drops CSS custom properties from inline styles (the compiler's code highlighting carries its
 * dark theme as `--shiki-dark: …`): no stylesheet of the EPUB reads them, and reading systems have
 * their own night modes. The colours themselves stay inline, where readers' CSS does not reach.
 */
export function dropStyleVariables(tree: Root): void {
  eachElement(tree, (node) => {
    const style = node.properties.style;
    if (typeof style !== 'string' || !style.includes('--')) return;
    const kept = style
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration !== '' && !declaration.startsWith('--'));
    if (kept.length > 0) node.properties.style = kept.join('; ');
    else delete node.properties.style;
  });
}
