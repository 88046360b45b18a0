// Writes a copy of a book whose chapters are each repeated N times (headings and footnotes renamed
// so that ids stay unique), for the benchmark of a long book.
// Usage: node scripts/make-long-book.mjs SOURCE_DIR TARGET_DIR [N=10]
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [source, target, times = '10'] = process.argv.slice(2);
if (!source || !target) {
  console.error('Usage: node scripts/make-long-book.mjs SOURCE_DIR TARGET_DIR [N=10]');
  process.exit(2);
}
cpSync(source, target, { recursive: true });
const dir = path.join(target, 'chapters');
for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const end = text.indexOf('\n---', 4) + 4;
  const [front, body] = [text.slice(0, end), text.slice(end)];
  const copies = [body];
  for (let k = 2; k <= Number(times); k++) {
    copies.push(
      body
        .replace(/^(#{2,4} .*)$/gm, `$1 (part ${k})`)
        .replace(/\[\^([^\]]+)\]/g, `[^$1-${k}]`),
    );
  }
  writeFileSync(path.join(dir, name), `${front}${copies.join('\n')}`);
}
console.log(`${target}: chapters repeated ${times} times`);
