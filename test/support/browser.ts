/**
 * Browser end-to-end helpers (shared by the board and Scratch page tests): Debian's Chromium
 * driven by playwright-core, console and page errors collected per page, screenshots saved under
 * test/artifacts/ (git-ignored) so a person can look at what the test saw.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM } from './system-tool';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(PROJECT_ROOT, 'dist');
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test', 'artifacts');

/** Flags for a quiet, offline, containerised Chromium: no sandbox (root in CI), no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * Fails with a clear message when the webpack output a test needs is missing
 * (`npm test` builds first; a bare `npx jest` after a fresh clone does not).
 */
export function requireBuilt(...files: string[]): void {
  const missing = files.filter((file) => !existsSync(path.join(DIST_DIR, file)));
  if (missing.length > 0) {
    throw new Error(`dist/${missing.join(', dist/')} not built: run "npm run build" (npm test does it) before the browser tests.`);
  }
}

/** Everything that went wrong in a page: console.error lines and uncaught exceptions. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Both lists, for one `toEqual([])`. */
  all(): string[];
}

export function watchProblems(page: Page): PageProblems {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  return { consoleErrors, pageErrors, all: () => [...consoleErrors, ...pageErrors] };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A fresh context (own localStorage) and page with error watching; every wait bounded. */
export async function newWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page) };
}

/** Saves `test/artifacts/<name>` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}
