import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a file so that readers see the old file or the whole new one, never a part. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Writes a folder of files beside the target, then swaps it in. */
export async function writeDirAtomic(dir: string, files: Iterable<{ path: string; content: Uint8Array | string }>): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    const list = [...files].map((file) => ({ target: path.join(tmp, file.path), content: file.content }));
    for (const folder of new Set(list.map((file) => path.dirname(file.target)))) await mkdir(folder, { recursive: true });
    // All at once: a site is dozens of files, and each write waits on the disk.
    await Promise.all(list.map((file) => writeFile(file.target, file.content)));
    await rm(old, { recursive: true, force: true });
    await rename(dir, old).catch(() => undefined);
    await rename(tmp, dir);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
