/** What the classroom server says about itself (`GET /api/info`), with a bounded wait. */
import type { BrokerInfo } from '../../server/http-app';

export async function fetchServerInfo(timeoutMs = 5000): Promise<BrokerInfo> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch('/api/info', { signal: controller.signal, cache: 'no-store' });
    if (!response.ok) throw new Error(`/api/info answered ${response.status}`);
    return (await response.json()) as BrokerInfo;
  } finally {
    clearTimeout(timer);
  }
}

