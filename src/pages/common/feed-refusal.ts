/**
 * A live feed (`/api/monitor`, `/api/dashboard/connections`) the server refused because too many
 * are open (503, see src/server/feeds/feed-limits.ts). EventSource reports only "closed", never
 * why, so after it closes for good the page asks once with HEAD, which gets the same answer without
 * opening a feed, and says so in the page instead of only in the console.
 */
import type { Message } from '../../../blocks/types';

export const FEED_TEXT = {
  tooManyOpen: {
    id: 'mqtt.page.feed.tooManyOpen',
    default: 'The server refused this live view: too many monitor, dashboard or board-page windows are open on this computer. Close some of them, then reload this page.',
    description: 'Monitor panel, monitor page and dashboard: the classroom server refused the live message or connections feed because too many are open.',
  },
} as const satisfies Record<string, Message>;

/** Whether the server refuses this feed for being over its limits (not offline, not a login). */
export async function isFeedRefused(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return response.status === 503;
  } catch {
    return false;
  }
}
