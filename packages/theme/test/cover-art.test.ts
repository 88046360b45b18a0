import { describe, expect, it } from 'vitest';
import { coverArt } from '../src/index.js';

describe('coverArt', () => {
  it('draws the same picture for the same seed, another for another', () => {
    expect(coverArt('A')).toBe(coverArt('A'));
    expect(coverArt('A')).not.toBe(coverArt('B'));
    expect(coverArt('A')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('is self-contained: no script, no external reference', () => {
    expect(coverArt('Designing Machine Learning Systems')).not.toMatch(/<script|href=|url\((?!#)/);
  });
});
