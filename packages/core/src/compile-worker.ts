// A worker thread of WorkerPool: parses and finishes the chapters it is given.
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Root } from 'mdast';
import { finishChapter, parseChapter, type LinkTarget, type ParsedChapter } from './chapter.js';
import type { Compiled } from './chapter-compiler.js';
import { Diagnostics } from './diagnostics.js';
import type { Chapter } from './types.js';
import type { WorkerRequest, WorkerResponse } from './worker-pool.js';

const port = parentPort!;
const { figureFiles } = workerData as { figureFiles: ReadonlyMap<string, string> };
/** Chapters parsed here and not yet finished, with their trees. */
const held = new Map<string, { parsed: ParsedChapter; tree: Root }>();

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'parse') {
    for (const { id, source } of request.jobs) {
      await answer(id, () => {
        const diagnostics = new Diagnostics();
        const { parsed, tree } = parseChapter(source, figureFiles, diagnostics);
        held.set(source.relPath, { parsed, tree });
        return { value: parsed, diagnostics: diagnostics.list };
      });
    }
    return;
  }
  const resolver = { chapterByPath: new Map<string, LinkTarget>(request.targets) };
  for (const { id, relPath, parsed } of request.jobs) {
    await answer(id, async () => {
      const entry = held.get(relPath) ?? { parsed: parsed!, tree: deserialize(parsed!.tree) as Root };
      held.delete(relPath);
      const diagnostics = new Diagnostics();
      return { value: await finishChapter(entry.parsed, entry.tree, resolver, diagnostics), diagnostics: diagnostics.list };
    });
  }
});

/** Posts each result as soon as it is ready, so that the main thread reads it while this one works on. */
async function answer(id: number, work: () => Compiled<ParsedChapter | Chapter> | Promise<Compiled<ParsedChapter | Chapter>>): Promise<void> {
  let response: WorkerResponse;
  try {
    response = { id, result: await work() };
  } catch (error) {
    response = { id, error };
  }
  port.postMessage(response);
}
