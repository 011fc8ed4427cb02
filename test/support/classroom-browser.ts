/**
 * The set-up most page tests share: a classroom server serving the built pages on free ports, one
 * Chromium, and pages each in their own context, closed after every test (each page holds a
 * monitor feed, so open pages would otherwise reach the server's feed cap).
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { startClassroomServer, type ClassroomServer, type ClassroomServerOptions } from '../../src/server';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, type OpenedPage } from './browser';

export interface ClassroomBrowser {
  readonly server: ClassroomServer;
  readonly browser: Browser;
  /** A page in a fresh context with its console watched; closed after the test. */
  open(options?: BrowserContextOptions): Promise<OpenedPage>;
}

/** Call inside a describe block: starts the server and Chromium before its tests, stops them after. */
export function useClassroomBrowser(builtFiles: string[], serverOptions: ClassroomServerOptions = {}): ClassroomBrowser {
  let server: ClassroomServer | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    requireBuilt(...builtFiles);
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', distDir: DIST_DIR, log: () => {}, ...serverOptions });
    browser = await launchChromium();
  }, 60_000);
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use it inside a test`);
    return value;
  };
  return {
    get server() {
      return started(server, 'classroom server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async open(options = {}) {
      const page = await newWatchedPage(started(browser, 'browser'), options);
      opened.push(page);
      return page;
    },
  };
}
