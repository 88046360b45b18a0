import { readdirSync, readFileSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Flags for a quiet, isolated, headless Chromium that prints and does nothing else. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
  // Chromium 151+ pre-renders the address bar's popup (a WebUI page) even when headless: a
  // renderer busy for about a second of CPU while the book loads, on a machine with two cores.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export interface BrowserOptions {
  executablePath: string;
  /** A fresh, empty folder for the browser profile (`--user-data-dir`). */
  profileDir: string;
  timeoutMs: number;
}

/**
 * Starts Chromium, runs `work`, and always shuts Chromium down again, killing its whole process
 * group if it does not close in time, so that no Chromium process outlives the call.
 * `whileStarting` runs as soon as Chromium's process is spawned: the second or so that Chromium
 * takes to start is spent on the caller's own work (the book's HTML) instead of waiting. Likewise
 * `finish` runs on what `work` returned while Chromium shuts down.
 */
export async function withBrowser<T, R>(
  options: BrowserOptions,
  steps: { work: (browser: Browser) => Promise<T>; whileStarting?: () => Promise<void>; finish: (result: T) => R | Promise<R> },
): Promise<R> {
  const { work, whileStarting, finish } = steps;
  let browser: Browser | undefined;
  try {
    const launching = puppeteer.launch({
      executablePath: options.executablePath,
      headless: true,
      userDataDir: options.profileDir,
      args: CHROMIUM_ARGS,
      pipe: true,
      timeout: options.timeoutMs,
      protocolTimeout: options.timeoutMs,
    });
    if (whileStarting) {
      // A launch that fails meanwhile is reported below, not as an unhandled rejection.
      launching.catch(() => undefined);
      // Puppeteer spawns the process after a few promise ticks; setImmediate runs after them.
      await new Promise((resolve) => setImmediate(resolve));
      // If it fails, the process is killed below (by its profile folder) without waiting for it.
      await whileStarting();
    }
    browser = await launching;
    const result = await work(browser);
    const closing = closeBrowser(browser);
    browser = undefined;
    try {
      // Lets the request to close reach Chromium before `finish` keeps this thread busy.
      await new Promise((resolve) => setImmediate(resolve));
      return await finish(result);
    } finally {
      await closing;
    }
  } finally {
    if (browser) await closeBrowser(browser);
    // Puppeteer kills a browser that failed to start only seconds later; do it now.
    killProfileProcesses(options.profileDir);
  }
}

async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  try {
    await withTimeout(browser.close(), 5_000, 'closing Chromium');
  } catch {
    // Killed below.
  }
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

/**
 * Kills (with its process group) every process started with this profile folder, found by its
 * command line: the profile is a fresh folder of ours, so nothing else can match. Linux only
 * (`/proc`); elsewhere puppeteer's own clean-up has to do.
 */
function killProfileProcesses(profileDir: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return;
  }
  const marker = `--user-data-dir=${profileDir}`;
  for (const pid of pids) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!args.includes(marker)) continue;
    for (const target of [-Number(pid), Number(pid)]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Already gone, or not a group leader.
      }
    }
  }
}

/** Rejects with an error naming `what` when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`${what} took longer than ${ms} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
