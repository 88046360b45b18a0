// Bundles src/main.jsx with esbuild into dist/, copies the chapter's figures beside it, and with
// --serve serves dist/ on http://127.0.0.1:5174 (rebuilding on each change).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const here = import.meta.dirname;
const outdir = path.join(here, 'dist');
mkdirSync(path.join(outdir, 'figures'), { recursive: true });
copyFileSync(path.join(here, 'index.html'), path.join(outdir, 'index.html'));

// The figures the chapter shows, from the content package (its `figures/*` export).
const require = createRequire(import.meta.url);
const { chapter } = await import('@dmls/content/chapters/training-data');
for (const figure of chapter.figures) {
  copyFileSync(require.resolve(`@dmls/content/${figure.src}`), path.join(outdir, figure.src));
}

const options = {
  entryPoints: [path.join(here, 'src/main.jsx')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  jsx: 'automatic',
  minify: true,
  outdir,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info',
};
if (process.argv.includes('--serve')) {
  const context = await esbuild.context(options);
  await context.watch();
  const { port } = await context.serve({ servedir: outdir, host: '127.0.0.1', port: 5174 });
  console.log(`http://127.0.0.1:${port}/`);
} else {
  await esbuild.build(options);
}
