/**
 * The built dist/mqtt-blocks.js inside TurboWarp's own VM (its compiler, its unsandboxed extension
 * loader with the real `Scratch` global), in headless Chromium. TurboWarp's player (the packager's
 * "scaffolding") ships the same scratch-vm fork as the TurboWarp editor. Run compiled and interpreted.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import mqtt from 'mqtt';
import { chromiumCheck, describeWithTool } from '../support/system-tool';
import { DIST_DIR, launchChromium, newWatchedPage, requireBuilt, saveScreenshot } from '../support/browser';
import { startTestBroker, type TestBroker } from '../support/test-broker';
import { loadFixture } from '../support/scratch-harness';

const SCAFFOLDING = require.resolve('@turbowarp/packager/dist/scaffolding/scaffolding-min.js');

const PAGE = `<!doctype html><meta charset="utf-8"><title>TurboWarp VM</title>
<div id="stage" style="width:480px;height:360px"></div>
<script src="/scaffolding.js"></script>
<script>
  window.startPlayer = async (projectJson, brokerUrl, compiled) => {
    const scaffolding = new Scaffolding.Scaffolding();
    scaffolding.setup();
    scaffolding.appendTo(document.getElementById('stage'));
    const vm = scaffolding.vm;
    vm.setCompilerOptions({ enabled: compiled });
    // What TurboWarp asks the user for custom extensions: here, "run without sandbox".
    vm.securityManager.getSandboxMode = () => Promise.resolve('unsandboxed');
    vm.securityManager.canFetch = () => Promise.resolve(true);
    await vm.extensionManager.loadExtensionURL(location.origin + '/mqtt-blocks.js');
    await scaffolding.loadProject(projectJson);
    vm.runtime.getTargetForStage().lookupVariableByNameAndType('broker', '').value = brokerUrl;
    scaffolding.start();
    scaffolding.greenFlag();
    window.player = scaffolding;
  };
</script>`;

describeWithTool(chromiumCheck(), 'the extension in TurboWarp\'s VM (Chromium)', () => {
  let server: Server;
  let origin: string;
  let broker: TestBroker;
  let browser: Browser;

  beforeAll(async () => {
    requireBuilt('mqtt-blocks.js');
    broker = await startTestBroker();
    server = createServer((req, res) => {
      const files: Record<string, [string, string]> = {
        '/scaffolding.js': [SCAFFOLDING, 'text/javascript'],
        '/mqtt-blocks.js': [path.join(DIST_DIR, 'mqtt-blocks.js'), 'text/javascript'],
      };
      if (req.url === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (req.url === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(PAGE);
        return;
      }
      const file = files[req.url ?? ''];
      if (!file) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': file[1] });
      res.end(readFileSync(file[0]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await broker?.close();
  });

  test('loaded from http://HOST:PORT/mqtt-blocks.js, its hint for a board address names that port', async () => {
    const { page, problems, context } = await newWatchedPage(browser);
    try {
      await page.goto(origin);
      // The project's green-flag script connects to the variable `broker`: a pupil's board address here.
      await page.evaluate(
        ([project, url]) => (window as unknown as { startPlayer: (p: string, u: string, c: boolean) => Promise<void> }).startPlayer(project, url, true),
        [JSON.stringify(loadFixture('burst-list')), 'mqtt://127.0.0.1:1883'] as const,
      );
      await page.waitForFunction(() => (window as unknown as { player: { vm: { runtime: { threads: unknown[] } } } }).player.vm.runtime.threads.length === 0, null, { timeout: 10_000 });
      const shown = String(await page.evaluate(() => (window as unknown as { player: { getVariable(n: string): unknown } }).player.getVariable('error')));
      const port = new URL(origin).port;
      expect(shown).toContain(`ws://127.0.0.1:${port}/mqtt`);
      expect(shown).not.toContain(':8000');
      expect(problems.all()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const compiled of [true, false]) {
    test(`500-message burst reaches the list in order (${compiled ? 'compiled' : 'interpreted'})`, async () => {
      const { page, problems, context } = await newWatchedPage(browser);
      try {
        await page.goto(origin);
        await page.evaluate(
          ([project, url, useCompiler]) => (window as unknown as { startPlayer: (p: string, u: string, c: boolean) => Promise<void> }).startPlayer(project, url, useCompiler),
          [JSON.stringify(loadFixture('burst-list')), broker.wsUrl, compiled] as const,
        );
        // The green-flag script ends once "connect" has connected (or failed: then `error` says why).
        await page.waitForFunction(() => (window as unknown as { player: { vm: { runtime: { threads: unknown[] } } } }).player.vm.runtime.threads.length === 0, null, { timeout: 10_000 });
        expect(await page.evaluate(() => (window as unknown as { player: { getVariable(n: string): unknown } }).player.getVariable('error'))).toBe('');
        await page.waitForTimeout(300);
        const publisher = await mqtt.connectAsync(broker.tcpUrl);
        const sent = Array.from({ length: 500 }, (_, i) => `tw${i}`);
        await Promise.all(sent.map((payload) => publisher.publishAsync('burst/test', payload, { qos: 1 })));
        await publisher.endAsync();
        await page.waitForFunction(() => (window as unknown as { player: { getList(n: string): unknown[] } }).player.getList('received').length >= 500, null, { timeout: 15_000 });
        const received = await page.evaluate(() => (window as unknown as { player: { getList(n: string): unknown[] } }).player.getList('received'));
        expect(received).toEqual(sent);
        expect(await page.evaluate(() => (window as unknown as { player: { getVariable(n: string): unknown } }).player.getVariable('error'))).toBe('');
        await saveScreenshot(page, `turbowarp-vm-${compiled ? 'compiled' : 'interpreted'}.png`);
        expect(problems.all()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
