// The cover's artwork, shared by the EPUB and the PDF so that both editions wear the same cover.

/**
 * An original drawing for the cover: a grid of components (rounded squares) with one pipeline
 * running through them and looping back, as ML systems do. Seeded by the title, so each book gets
 * its own and the same book always the same.
 */
export function coverArt(seed: string): string {
  const random = mulberry32(fnv1a(seed));
  // The grid fills the upper part of the cover; the title is set below it.
  const cols = 8;
  const rows = 7;
  const step = 64;
  const x0 = 76;
  const y0 = 70;
  const at = (c: number, r: number) => [x0 + c * step, y0 + r * step] as const;
  const nodes: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x, y] = at(c, r);
      const size = 10 + Math.floor(random() * 4) * 4;
      const fade = 0.35 + 0.5 * (1 - r / rows);
      const filled = random() < 0.18;
      nodes.push(
        `<rect x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size}" rx="3" ` +
          (filled ? `fill="#2bb3a3" fill-opacity="${(fade * 0.8).toFixed(2)}"` : `fill="none" stroke="#2bb3a3" stroke-opacity="${fade.toFixed(2)}" stroke-width="1.5"`) +
          '/>',
      );
    }
  }
  // A pipeline: a walk across the grid from left to right, then a loop back to its start.
  let c = 0;
  let r = 1 + Math.floor(random() * 3);
  const walk: Array<readonly [number, number]> = [[c, r]];
  while (c < cols - 1) {
    const move = random();
    if (move < 0.55) c += 1;
    else r += move < 0.8 ? 1 : -1;
    walk.push([c, Math.min(rows - 2, Math.max(0, r))]);
    r = walk.at(-1)![1];
  }
  const points = walk.map(([wc, wr]) => at(wc, wr));
  const [sx, sy] = points[0]!;
  const [ex, ey] = points.at(-1)!;
  const low = Math.max(...points.map(([, y]) => y)) + step;
  const path = `M${points.map(([x, y]) => `${x} ${y}`).join(' L')} L${ex} ${low} L${sx} ${low} Z`;
  const stops = points.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="6" fill="#f2b134"/>`).join('');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 850" preserveAspectRatio="xMidYMid slice">',
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0b2135"/><stop offset="1" stop-color="#163a57"/></linearGradient></defs>',
    '<rect width="600" height="850" fill="url(#bg)"/>',
    nodes.join(''),
    `<path d="${path}" fill="none" stroke="#f2b134" stroke-width="4" stroke-linejoin="round"/>`,
    stops,
    '<rect x="0" y="812" width="600" height="38" fill="#f2b134"/>',
    '</svg>',
  ].join('');
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A small seeded generator: the same seed gives the same cover on every build. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
