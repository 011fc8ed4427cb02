/**
 * The board page's simulator shares memory with its worker (a SharedArrayBuffer, so a blocking
 * MicroPython program can sleep while the page receives its messages). Browsers allow that only on
 * a cross-origin isolated page: the page and its worker script are sent with COOP and COEP. The
 * board page loads nothing from other sites, so isolation costs it nothing.
 */
const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export function isolationHeaders(pathname: string): Record<string, string> {
  const isolated = /^\/board(\/|$)/.test(pathname) || pathname === '/dist/simulator-worker.js' || pathname.startsWith('/dist/micropython/');
  return isolated ? { ...ISOLATION_HEADERS } : {};
}
