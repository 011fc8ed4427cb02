/**
 * Security headers for our own pages (the HTML files of src/server/pages). Every response already
 * carries `X-Content-Type-Options: nosniff`; pages also get a Content-Security-Policy that allows
 * only what they use, so an injected script or a stray third-party load is refused by the browser.
 *
 * What the pages need, and why:
 * - scripts only from this server (no inline scripts: the landing page's script is a file);
 * - inline styles: Blockly and the chart library inject <style> elements and style attributes;
 * - MQTT over WebSocket to any broker the pupil types (ws:, wss:), not only this server's;
 * - images, sounds and fonts from data: and blob: URLs (Blockly's and Scratch's media, costumes);
 * - the Scratch editor page also runs Scratch's own workers from blob: URLs and may fetch the online
 *   sprite library (https:) when the classroom has internet.
 * A page that needs more (for example cross-origin isolation headers for a worker simulator) adds
 * them here, per page.
 */
import path from 'node:path';

const BASE_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The Scratch editor: Scratch's libraries (sprites, sounds) come from scratch.mit.edu when online. */
const SCRATCH_POLICY: Record<string, string[]> = {
  ...BASE_POLICY,
  // Scratch's project validator (ajv) compiles its schemas with new Function: without 'unsafe-eval',
  // loading a project fails. The hash is the empty <script id="scratch-link-extension-script"> the
  // editor inserts for the Scratch Link browser add-on (allowed, so it logs no refusal).
  'script-src': ["'self'", "'unsafe-eval'", 'blob:', "'sha256-AIzpsAr2DJF6Z9BaBAxpkIJ+YqMmAt9+K0Pkb30/BGE='"],
  'img-src': [...(BASE_POLICY['img-src'] ?? []), 'https:'],
  'media-src': [...(BASE_POLICY['media-src'] ?? []), 'https:'],
  'connect-src': [...(BASE_POLICY['connect-src'] ?? []), 'https:', 'blob:', 'data:'],
};

function serialise(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

const BASE = serialise(BASE_POLICY);
const SCRATCH = serialise(SCRATCH_POLICY);

/** Extra headers for a file of the pages folder, by its path inside the folder (`/scratch/index.html`). */
export function pageHeaders(file: string): Record<string, string> {
  if (path.posix.extname(file).toLowerCase() !== '.html') return {};
  const policy = file.startsWith('/scratch/') ? SCRATCH : BASE;
  return { 'Content-Security-Policy': policy, 'Referrer-Policy': 'no-referrer' };
}
