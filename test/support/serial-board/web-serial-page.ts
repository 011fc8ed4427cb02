/**
 * Gives a Chromium test page a USB board: navigator.serial is replaced by web-serial-standin.mjs,
 * whose port is the real MicroPython REPL (WebAssembly, in the page). Used by every page that has
 * the "Put it on the board" panel (the board page, the Scratch page's Board code view).
 *
 * The stand-in's WebAssembly is something the pages' Content-Security-Policy (rightly) refuses; it
 * stands for hardware, so pages using it are opened in a context with `bypassCSP: true`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const MP_DIR = path.dirname(require.resolve('@micropython/micropython-webassembly-pyscript/micropython.mjs'));
const STANDIN_FILES: Record<string, string> = {
  'micropython.mjs': path.join(MP_DIR, 'micropython.mjs'),
  'micropython.wasm': path.join(MP_DIR, 'micropython.wasm'),
  'simulated-board.mjs': path.join(__dirname, 'simulated-board.mjs'),
  'web-serial-standin.mjs': path.join(__dirname, 'web-serial-standin.mjs'),
};

export interface SerialStandinOptions {
  /** Files on the board's flash before the page opens it, by path ("main.py"). */
  files?: Record<string, string>;
  /** How the board answers the raw-paste probe (simulated-board.mjs). */
  rawPaste?: string;
}

/** Serves the stand-in under /__test__/ and installs it in every page of `context` before the page's own code runs. */
export async function serveSerialStandin(context: BrowserContext, options: SerialStandinOptions): Promise<void> {
  await context.route('**/__test__/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const file = STANDIN_FILES[name];
    if (file === undefined) return route.fulfill({ status: 404 });
    return route.fulfill({ body: readFileSync(file), contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  // Only the page itself gets the board: the editor's blank frames inherit the page's policy.
  await context.addInitScript(`if (window === window.top) {
    const installing = import('/__test__/web-serial-standin.mjs').then((m) => m.installSerialStandin(${JSON.stringify(options)}));
    Object.defineProperty(navigator, 'serial', { configurable: true, value: {
      requestPort: async () => { await installing; return navigator.serial.requestPort(); },
      getPorts: async () => [],
    } });
  }`);
}

interface StandinHandle {
  ready: Promise<void>;
  readFile(path: string): string | null;
  unplug(): void;
}

/** Waits until the simulated board has booted in the page. */
export async function serialStandinReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => '__serialStandin' in window, undefined, { timeout });
  await page.evaluate(() => (window as unknown as { __serialStandin: StandinHandle }).__serialStandin.ready);
}

/** A file on the simulated board's flash, or null when there is none. */
export function boardFile(page: Page, file: string): Promise<string | null> {
  return page.evaluate((name) => (window as unknown as { __serialStandin: StandinHandle }).__serialStandin.readFile(name), file);
}

/** Pulls the simulated USB cable out. */
export function unplugBoard(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __serialStandin: StandinHandle }).__serialStandin.unplug());
}
