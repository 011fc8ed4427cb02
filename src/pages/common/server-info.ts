/**
 * What the classroom server says about itself (`GET /api/info`): the one way pages ask it.
 *
 * A page asks once per load, however many of its panels want the answer (the board page's broker
 * note, upload panel and simulator; the Scratch page and its board-code view): they share one
 * promise. The wait is bounded, so a server that is going away never leaves a panel waiting.
 * A failed question is forgotten, so the next panel that asks (a simulator run a minute later)
 * tries again instead of inheriting a stale failure.
 */
import type { BrokerInfo } from '../../server/http-app';

/** How long a page waits for the answer before it carries on without one. */
const ANSWER_WAIT_MS = 5000;

let asked: Promise<BrokerInfo> | null = null;

/** The server's answer; rejects when it does not answer in time, answers an error, or says something else. */
export function fetchServerInfo(): Promise<BrokerInfo> {
  if (asked === null) {
    const question = askServer(ANSWER_WAIT_MS);
    asked = question;
    question.catch(() => {
      if (asked === question) asked = null;
    });
  }
  return asked;
}

async function askServer(timeoutMs: number): Promise<BrokerInfo> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch('/api/info', { signal: controller.signal, cache: 'no-store' });
    if (!response.ok) throw new Error(`/api/info answered ${response.status}`);
    return brokerInfoFrom(await response.json());
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks the fields every caller relies on, so a proxy's or an older server's page of something
 * else is refused here rather than shown as "undefined" in an address.
 */
function brokerInfoFrom(answer: unknown): BrokerInfo {
  const info = answer as Partial<BrokerInfo> | null;
  if (
    typeof info !== 'object' ||
    info === null ||
    typeof info.websocketUrl !== 'string' ||
    typeof info.tcp !== 'object' ||
    info.tcp === null ||
    typeof info.tcp.host !== 'string' ||
    typeof info.tcp.port !== 'number'
  ) {
    throw new Error('/api/info did not describe a classroom server');
  }
  return {
    websocketUrl: info.websocketUrl,
    tcp: { host: info.tcp.host, port: info.tcp.port },
    lan: info.lan === true,
    addresses: Array.isArray(info.addresses) ? info.addresses.filter((address): address is string => typeof address === 'string') : [],
    authRequired: info.authRequired === true,
    scratchEditor: info.scratchEditor === true,
  };
}
