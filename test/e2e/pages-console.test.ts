/**
 * Each of our pages loads in Chromium, under the server's Content-Security-Policy, with a clean
 * console: no warning, no error, no uncaught exception, no refused load. A message is tolerated only
 * when it is listed below with the reason it cannot be avoided.
 */
import type { Browser, ConsoleMessage } from 'playwright-core';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { findScratchGuiDir } from '../../src/server/scratch-gui-files';
import { withTimeout } from '../server/helpers';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt } from '../support/browser';
import { chromiumCheck, describeWithTool } from '../support/system-tool';

interface PageUnderTest {
  path: string;
  /** Something a pupil sees once the page has started. */
  ready: string;
  needsScratchEditor?: boolean;
}

const PAGES: PageUnderTest[] = [
  { path: '/', ready: '#websocket-url:not(:empty)' },
  { path: '/board/', ready: '.blocklyToolboxCategory' },
  { path: '/monitor/', ready: 'main, body' },
  { path: '/dashboard/', ready: 'main, body' },
  { path: '/scratch/', ready: '.blocklyToolboxCategory', needsScratchEditor: true },
];

const EDITOR = String.raw`\(http://[^)]*/vendor/scratch-gui/scratch-gui-standalone\.js\)$`;

/** Third-party messages we cannot avoid, each with its reason. Our own code logs none of these. */
const TOLERATED: Array<{ pattern: RegExp; reason: string }> = [
  {
    // Chromium gives this one no source location; on this page only the editor reads canvases back.
    pattern: /^warning: Canvas2D: Multiple readback operations using getImageData are faster with the willReadFrequently attribute/,
    reason: "the prebuilt Scratch editor's renderer and paint editor read their canvases back; its code, not ours",
  },
  {
    pattern: new RegExp(`^warning: Blockly\\.Workspace\\.getVariablesOfType was deprecated.*${EDITOR}`, 's'),
    reason: 'the prebuilt Scratch editor (scratch-gui 15) still calls a Blockly 12 API marked deprecated',
  },
  {
    pattern: new RegExp(`^warning: There are no variable blocks, but there is a variable category\\. ${EDITOR}`),
    reason: "Blockly's remark on the Scratch editor's own Variables category before a variable exists",
  },
  {
    pattern: new RegExp(`^warning: Unable to find \\[category\\]\\[flyoutinflater\\] in the registry\\. ${EDITOR}`),
    reason: "the Scratch editor's toolbox asks Blockly for an inflater it never registers",
  },
  {
    pattern: new RegExp(`^warning: FieldColourSlider\\.\\w+: slider(/readout)? DOM is not fully initialized ${EDITOR}`),
    reason: "the Scratch editor's colour fields (Pen, Looks) update before they are drawn in the palette",
  },
  {
    pattern: /^warning: \[\.WebGL-[0-9a-fx]+\]GL Driver Message \(OpenGL, Performance, GL_CLOSE_PATH_NV, High\): GPU stall due to ReadPixels/,
    reason: "headless Chromium's software GL reporting on the stage renderer; no GPU in CI",
  },
];

let browser: Browser | null = null;
let server: ClassroomServer | null = null;

beforeAll(async () => {
  requireBuilt('mqtt-blocks.js', 'home.js', 'board-editor.js', 'monitor.js', 'dashboard.js', 'scratch-editor.js');
  browser = await launchChromium();
  server = await startClassroomServer({ host: '127.0.0.1', httpPort: 0, tcpPort: 0, log: () => {}, distDir: DIST_DIR });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server !== null) await withTimeout(server.close(), 5000, 'server close');
});

describeWithTool(chromiumCheck(), 'our pages keep the console clean (Chromium)', () => {
  for (const page of PAGES) {
    test(`${page.path} logs no warning or error`, async () => {
      if (page.needsScratchEditor && findScratchGuiDir() === null) {
        console.warn(`SKIPPED console check of ${page.path}: Scratch editor files not set up (npm run setup:scratch-editor)`);
        if (process.env.CI === 'true') throw new Error('the Scratch editor must be set up in CI');
        return;
      }
      if (browser === null || server === null) throw new Error('not started');
      const opened = await newWatchedPage(browser);
      const logged: string[] = [];
      opened.page.on('console', (message: ConsoleMessage) => {
        if (message.type() !== 'warning' && message.type() !== 'error') return;
        const line = `${message.type()}: ${message.text()} (${message.location().url})`;
        if (!TOLERATED.some((tolerated) => tolerated.pattern.test(line))) logged.push(line);
      });
      try {
        await opened.page.goto(`${server.httpUrl}${page.path.slice(1)}`, { waitUntil: 'load' });
        await opened.page.locator(page.ready).first().waitFor({ timeout: 60_000 });
        // Late messages (fonts, workers, the first frames) come within a moment of starting.
        await opened.page.waitForTimeout(1500);
        expect({ page: page.path, logged, errors: opened.problems.pageErrors }).toEqual({ page: page.path, logged: [], errors: [] });
      } finally {
        await opened.context.close();
      }
    }, 120_000);
  }
});
