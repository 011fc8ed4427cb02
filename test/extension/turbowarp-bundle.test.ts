/**
 * The built dist/mqtt-blocks.js, evaluated the way TurboWarp evaluates an unsandboxed custom
 * extension: a browser-like global scope with `Scratch` (extensions.register, BlockType,
 * ArgumentType, vm, translate, canFetch), and the browser WebSocket. It must register and do a
 * connect–publish–receive round trip through a real broker.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { WebSocket } from 'ws';
import mqtt from 'mqtt';
import { startTestBroker, type TestBroker } from '../support/test-broker';
import type { HeadlessVmConstructor } from '../support/headless-vm';
import { nativeRequire } from '../support/native-require';
import { waitFor } from '../support/ports';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'mqtt-blocks.js');

let broker: TestBroker;
beforeAll(async () => {
  broker = await startTestBroker();
});
afterAll(async () => {
  await broker.close();
});

interface RegisteredExtension {
  getInfo(): { id: string; name: string; blocks: Array<{ opcode: string; text: string }> };
  connect(args: object): Promise<void>;
  subscribe(args: object): Promise<void>;
  publish(args: object): void;
  message(args: object, util: object): string;
  lastError(): string;
  isConnected(): boolean;
  dispose(): void;
}

function evaluateLikeTurboWarp(options: { language: string; canFetch: (url: string) => Promise<boolean> }) {
  expect(existsSync(BUNDLE)).toBe(true); // `npm test` builds it first
  const VirtualMachine = nativeRequire('scratch-vm') as HeadlessVmConstructor;
  const vm = new VirtualMachine();
  const registered: RegisteredExtension[] = [];
  const Scratch = {
    extensions: { unsandboxed: true, register: (extension: RegisteredExtension) => registered.push(extension) },
    BlockType: { COMMAND: 'command', REPORTER: 'reporter', BOOLEAN: 'Boolean', HAT: 'hat' },
    ArgumentType: { STRING: 'string', NUMBER: 'number' },
    vm,
    translate: Object.assign((text: string) => text, { language: options.language }),
    canFetch: options.canFetch,
  };
  const page: Record<string, unknown> = {
    Scratch,
    WebSocket,
    location: { protocol: 'http:', href: 'http://localhost:8000/' },
    navigator: { userAgent: 'Mozilla/5.0 (test) Chrome' },
    document: { createElement: () => ({}) },
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask,
    TextEncoder, TextDecoder, URL, crypto: globalThis.crypto, btoa, atob,
    AbortController, AbortSignal, EventTarget, Event, Blob,
  };
  page.window = page;
  page.self = page;
  page.globalThis = page;
  runInContext(readFileSync(BUNDLE, 'utf8'), createContext(page), { filename: 'mqtt-blocks.js' });
  expect(registered).toHaveLength(1);
  return { extension: registered[0], vm };
}

test('registers with the mqtt id and Chinese blocks when the editor is in Chinese', () => {
  const { extension } = evaluateLikeTurboWarp({ language: 'zh-cn', canFetch: () => Promise.resolve(true) });
  const info = extension.getInfo();
  expect(info.id).toBe('mqtt');
  expect(info.blocks.find((b) => b.opcode === 'publish')?.text).toBe('发布 [MESSAGE] 到 [TOPIC]');
  extension.dispose();
});

test('connect, subscribe, publish and receive through the broker from the bundle', async () => {
  const asked: string[] = [];
  const { extension } = evaluateLikeTurboWarp({
    language: 'en',
    canFetch: (url) => {
      asked.push(url);
      return Promise.resolve(true);
    },
  });
  await extension.connect({ URL: broker.wsUrl, USERNAME: '', PASSWORD: '' });
  expect(extension.lastError()).toBe('');
  expect(extension.isConnected()).toBe(true);
  expect(asked).toEqual([broker.wsUrl]);
  await extension.subscribe({ TOPIC: 'bundle/+', QOS: '1' });

  const outside = await mqtt.connectAsync(broker.tcpUrl);
  const seen: string[] = [];
  await outside.subscribeAsync('bundle/out');
  outside.on('message', (_topic, payload) => seen.push(payload.toString()));
  extension.publish({ MESSAGE: '你好 from Scratch', TOPIC: 'bundle/out' });
  expect(await waitFor(() => seen.length === 1, 3000)).toBe(true);
  expect(seen).toEqual(['你好 from Scratch']);
  expect(await waitFor(() => extension.message({}, {}) === '你好 from Scratch', 3000)).toBe(true);

  await outside.publishAsync('bundle/in', 'to Scratch', { qos: 1 });
  expect(await waitFor(() => extension.message({}, {}) === 'to Scratch', 3000)).toBe(true);
  await outside.endAsync();
  extension.dispose();
});

test('when the editor refuses the connection (canFetch false) it says so and opens no socket', async () => {
  const { extension } = evaluateLikeTurboWarp({ language: 'en', canFetch: () => Promise.resolve(false) });
  await extension.connect({ URL: broker.wsUrl, USERNAME: '', PASSWORD: '' });
  expect(extension.isConnected()).toBe(false);
  expect(extension.lastError()).toContain('did not allow connecting');
  extension.dispose();
});
