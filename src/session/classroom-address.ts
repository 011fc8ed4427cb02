/**
 * Where the mqtt-blocks classroom server serves its WebSocket broker and its Scratch editor. Hints
 * that name an address ("use ws://HOST:8000/mqtt instead") take the port and path from the server the
 * page came from when the page knows it (the server says so in /api/info); the defaults below are
 * only for editors opened elsewhere.
 */
export interface ClassroomAddress {
  /** The server's HTTP port: pages, the extension file and MQTT over WebSocket share it. */
  readonly port: number;
  /** The path of its WebSocket broker. */
  readonly websocketPath: string;
}

/** What `mqtt-blocks serve` uses unless told otherwise (src/server uses these too). */
export const DEFAULT_CLASSROOM_ADDRESS: ClassroomAddress = { port: 8000, websocketPath: '/mqtt' };

/** `ws://HOST:PORT/PATH` of the classroom server's broker on `host` (a hostname, or `[v6]`). */
export function classroomBrokerUrl(host: string, address: ClassroomAddress = DEFAULT_CLASSROOM_ADDRESS): string {
  return `ws://${host}:${address.port}${address.websocketPath}`;
}

/** `http://HOST:PORT/scratch/`: the classroom server's own Scratch editor on `host`. */
export function classroomEditorUrl(host: string, address: ClassroomAddress = DEFAULT_CLASSROOM_ADDRESS): string {
  return `http://${host}:${address.port}/scratch/`;
}

/** Reads a ws:// or wss:// broker URL served by a classroom server back into its address, if it is one. */
export function classroomAddressOf(brokerUrl: string): ClassroomAddress | undefined {
  let url: URL;
  try {
    url = new URL(brokerUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return undefined;
  const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
  return { port, websocketPath: url.pathname || '/' };
}

/** Where the classroom server serves the extension file for TurboWarp (src/server/http-app.ts). */
const EXTENSION_FILE_PATH = '/mqtt-blocks.js';

/**
 * The classroom server an editor loaded the extension file from, read from the file's own URL
 * (`http://teacher-pc:8123/mqtt-blocks.js` → port 8123). Only plain http at the server's path
 * counts: the same file hosted on some https web site says nothing about a classroom broker.
 */
export function classroomAddressOfExtensionUrl(scriptUrl: string | undefined): ClassroomAddress | undefined {
  if (scriptUrl === undefined || scriptUrl === '') return undefined;
  let url: URL;
  try {
    url = new URL(scriptUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || url.pathname !== EXTENSION_FILE_PATH) return undefined;
  return { port: Number(url.port || 80), websocketPath: DEFAULT_CLASSROOM_ADDRESS.websocketPath };
}
