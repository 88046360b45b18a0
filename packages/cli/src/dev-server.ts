import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Diagnostic } from '@dmls/core';
import { devClientScript } from './dev-client.js';

export interface DevServerOptions {
  /** The book folder to watch. */
  dir: string;
  /** First port to try; the next free one is taken if it is busy. Default 3000. */
  port?: number;
  /** Called after each rebuild, with its time and the problems found. */
  onRebuild?: (result: { ms: number; diagnostics: Diagnostic[]; changed: string[] }) => void;
}

export interface DevServer {
  url: string;
  /** Resolves after the next rebuild finishes. */
  nextRebuild(): Promise<{ ms: number; diagnostics: Diagnostic[] }>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the HTML edition from memory on 127.0.0.1, rebuilds when the content changes (only the
 * changed chapters are recompiled, through the compile cache) and tells open pages to reload, or
 * to show the compile errors as an overlay.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const [{ compile, createCompileCache }, { renderSite }] = await Promise.all([import('@dmls/core'), import('@dmls/render-html')]);
  const cache = createCompileCache();
  const dir = path.resolve(options.dir);
  // Pages are rendered when asked for, once per rebuild: saving a chapter costs its compile only.
  let current: import('@dmls/core').Book | undefined;
  let rendered = new Map<string, string | Uint8Array | undefined>();
  const file = (name: string) => {
    if (!current) return undefined;
    if (!rendered.has(name)) rendered.set(name, renderSite(current, { injectScript: devClientScript, only: [name] })[0]?.content);
    return rendered.get(name);
  };
  let errors: Diagnostic[] = [];
  let generation = 0;
  let modified: string | undefined;
  const clients = new Set<ServerResponse>();
  let waiters: ((r: { ms: number; diagnostics: Diagnostic[] }) => void)[] = [];

  const rebuild = async (changed: string[]) => {
    const started = performance.now();
    // Asking git for the date on every save costs tens of milliseconds; the first answer will do.
    const { book, diagnostics } = await compile(dir, { cache, ...(modified ? { modified } : {}) });
    modified ??= book?.modified;
    if (book) {
      current = book;
      rendered = new Map();
    }
    errors = diagnostics.filter((d) => d.severity === 'error');
    generation++;
    const ms = performance.now() - started;
    const event = errors.length > 0 ? { type: 'errors', diagnostics: errors } : { type: 'reload', generation };
    for (const client of clients) client.write(`data: ${JSON.stringify(event)}\n\n`);
    options.onRebuild?.({ ms, diagnostics, changed });
    for (const resolve of waiters) resolve({ ms, diagnostics });
    waiters = [];
  };

  await rebuild([]);

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__dmls/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`data: ${JSON.stringify(errors.length ? { type: 'errors', diagnostics: errors } : { type: 'hello', generation })}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    let name = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (name === '' || name.endsWith('/')) name += 'index.html';
    // Pretty URLs: /training-data serves training-data.html.
    if (file(name) === undefined && !name.includes('.')) name = `${name}.html`;
    const body = file(name);
    if (body === undefined) {
      response.writeHead(404, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      response.end(file('404.html') ?? 'Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  });
  const port = await listen(server, options.port ?? 3000);

  // Saving a file fires several events; one rebuild per burst, and never two at once.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pending = new Set<string>();
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, file) => {
    if (file && !/\.(md|ya?ml|svg)$/.test(file)) return;
    if (file) pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      running = running.then(() => rebuild(changed)).catch(() => undefined);
    }, 25);
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    nextRebuild: () => new Promise((resolve) => waiters.push(resolve)),
    close: async () => {
      clearTimeout(timer);
      watcher.close();
      await running;
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

async function listen(server: Server, first: number): Promise<number> {
  for (let port = first; port < first + 50; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(false);
        else throw error;
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, '127.0.0.1');
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`No free port from ${first} to ${first + 49}.`);
}
