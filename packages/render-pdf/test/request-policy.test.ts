import { describe, expect, it } from 'vitest';
import { isReadable } from '../src/request-policy.js';

describe('isReadable', () => {
  const dirs = ['/tmp/dmls-pdf-abc', '/opt/fonts'];

  it('lets the page read data: URLs and files in the allowed folders', () => {
    expect(isReadable('data:image/svg+xml;base64,AAAA', dirs)).toBe(true);
    expect(isReadable('file:///tmp/dmls-pdf-abc/book.html', dirs)).toBe(true);
    expect(isReadable('file:///opt/fonts/files/a.woff2', dirs)).toBe(true);
  });

  it('refuses the network, other files, and look-alike or escaping paths', () => {
    expect(isReadable('https://example.com/x.png', dirs)).toBe(false);
    expect(isReadable('http://127.0.0.1/', dirs)).toBe(false);
    expect(isReadable('file:///etc/passwd', dirs)).toBe(false);
    expect(isReadable('file:///tmp/dmls-pdf-abcdef/book.html', dirs)).toBe(false);
    expect(isReadable('file:///tmp/dmls-pdf-abc/../secret', dirs)).toBe(false);
  });
});
