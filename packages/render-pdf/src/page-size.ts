/** Paper sizes the PDF comes in. */
export type PageSize = 'A4' | 'Letter';

export interface PageGeometry {
  /** The CSS `size` keyword. */
  css: string;
  width: number;
  height: number;
  margin: { top: number; bottom: number; side: number };
}

/** Page and margin sizes in millimetres. */
export const PAGE_GEOMETRY: Record<PageSize, PageGeometry> = {
  A4: { css: 'A4', width: 210, height: 297, margin: { top: 22, bottom: 22, side: 22 } },
  Letter: { css: 'letter', width: 215.9, height: 279.4, margin: { top: 20, bottom: 20, side: 24 } },
};

export function pageGeometry(size: PageSize = 'A4'): PageGeometry {
  const geometry = PAGE_GEOMETRY[size];
  if (!geometry) throw new TypeError(`Unknown page size "${String(size)}": use 'A4' or 'Letter'.`);
  return geometry;
}
