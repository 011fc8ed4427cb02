/**
 * The connections panel: who is connected now (client id, username, address, since when) and who
 * was turned away and why, with repeated refusals of the same client folded into one line, newest
 * first, so a teacher sees at once which group is failing. Fed by `/api/dashboard/connections`.
 */
import type { Locale } from '../../../i18n/locales';
import { translate } from '../../../i18n/translate';
import type { ConnectedClient, ConnectionEvent, RefusedEvent } from '../../../server/events/connection-events';
import type { ConnectionsSnapshot } from '../../../server/connections-feed';
import { FEED_TEXT, isFeedRefused } from '../../common/feed-refusal';
import { say } from '../dashboard-text';
import { element, setText } from '../dom';
import { clockTime } from '../format';
import { REFUSAL_TEXT } from '../../../server/events/refusal-text';
import { CONNECTION_TEXT, TRANSPORT_TEXT } from './connection-text';

/** Rows drawn at most; the count says how many more there are. */
const MAX_ROWS = 200;
/** Distinct refusals remembered (oldest forgotten first): a scan from many addresses stays bounded. */
const MAX_REFUSAL_GROUPS = 100;

interface Connected extends ConnectedClient {
  dropped: number;
}

interface RefusalGroup {
  last: RefusedEvent;
  count: number;
}

const connectionKey = (clientId: string, address: string, since: number): string => `${clientId}\u0000${address}\u0000${since}`;
const refusalKey = (event: RefusedEvent): string => `${event.reason}\u0000${event.address}\u0000${event.clientId ?? ''}`;

export class ConnectionsPanel {
  private locale: Locale;
  private readonly connected = new Map<string, Connected>();
  private connectedExtra = 0;
  private readonly refused = new Map<string, RefusalGroup>();
  private readonly status: HTMLElement;
  private readonly connectedTitle: HTMLElement;
  private readonly connectedList: HTMLElement;
  private readonly refusedTitle: HTMLElement;
  private readonly refusedList: HTMLElement;
  private live = false;
  /** The server turned this feed away: too many open (see FEED_TEXT). */
  private refusedByServer = false;
  private renderPending = false;

  constructor(root: HTMLElement, locale: Locale) {
    this.locale = locale;
    const heading = element('h2', 'side-title');
    heading.dataset.text = 'connections';
    const help = element('p', 'side-help');
    help.dataset.text = 'connectionsHelp';
    this.status = element('p', 'form-error');
    this.status.setAttribute('role', 'status');
    this.connectedTitle = element('h3', 'side-subtitle');
    this.connectedList = element('ul', 'connection-list connected-list');
    this.refusedTitle = element('h3', 'side-subtitle');
    this.refusedList = element('ul', 'connection-list refused-list');
    root.append(heading, help, this.status, this.connectedTitle, this.connectedList, this.refusedTitle, this.refusedList);
    this.render();
  }

  /** Opens the feed; returns a function that closes it. */
  start(url = '/api/dashboard/connections'): () => void {
    const source = new EventSource(url);
    source.onopen = () => this.setLive(true);
    source.onerror = () => {
      this.setLive(false);
      if (source.readyState !== EventSource.CLOSED) return;
      void isFeedRefused(url).then((refused) => {
        this.refusedByServer = refused;
        this.renderStatus();
      });
    };
    source.addEventListener('snapshot', (event) => {
      const snapshot = parse<ConnectionsSnapshot>((event as MessageEvent<string>).data);
      if (snapshot !== null) this.reset(snapshot);
    });
    source.onmessage = (event: MessageEvent<string>) => {
      const parsed = parse<ConnectionEvent>(event.data);
      if (parsed !== null) this.apply(parsed);
    };
    return () => source.close();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  reset(snapshot: ConnectionsSnapshot): void {
    this.connected.clear();
    this.refused.clear();
    for (const client of Array.isArray(snapshot.connected) ? snapshot.connected : []) {
      this.connected.set(connectionKey(client.clientId, client.address, client.since), { ...client, dropped: 0 });
    }
    this.connectedExtra = Math.max(0, (Number(snapshot.connectedCount) || 0) - this.connected.size);
    for (const event of Array.isArray(snapshot.refused) ? snapshot.refused : []) this.addRefusal(event);
    this.scheduleRender();
  }

  apply(event: ConnectionEvent): void {
    switch (event.type) {
      case 'connected':
        this.connected.set(connectionKey(event.clientId, event.address, event.time), {
          clientId: event.clientId,
          username: event.username,
          address: event.address,
          transport: event.transport,
          readOnly: event.readOnly,
          since: event.time,
          dropped: 0,
        });
        break;
      case 'disconnected':
        if (!this.connected.delete(connectionKey(event.clientId, event.address, event.since)) && this.connectedExtra > 0) this.connectedExtra -= 1;
        break;
      case 'refused':
        this.addRefusal(event);
        break;
      case 'dropped':
        for (const client of this.connected.values()) {
          if (client.clientId === event.clientId && client.address === event.address) client.dropped = event.total;
        }
        break;
      default:
        return;
    }
    this.scheduleRender();
  }

  private addRefusal(event: RefusedEvent): void {
    const key = refusalKey(event);
    const group = this.refused.get(key);
    // Re-inserted so the map's order is "least recently refused first".
    this.refused.delete(key);
    this.refused.set(key, { last: event, count: (group?.count ?? 0) + 1 });
    while (this.refused.size > MAX_REFUSAL_GROUPS) {
      const oldest = this.refused.keys().next().value;
      if (oldest === undefined) break;
      this.refused.delete(oldest);
    }
  }

  private setLive(live: boolean): void {
    this.live = live;
    this.renderStatus();
  }

  /** Events can come in bursts (a scan, a class connecting at once): draw once per frame. */
  private scheduleRender(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  private renderStatus(): void {
    setText(this.status, this.live ? '' : translate(this.refusedByServer ? FEED_TEXT.tooManyOpen : CONNECTION_TEXT.offline, this.locale));
    this.status.hidden = this.live;
  }

  private render(): void {
    const locale = this.locale;
    this.renderStatus();
    const total = this.connected.size + this.connectedExtra;
    setText(this.connectedTitle, `${say('connected', locale)} (${total})`);
    const clients = [...this.connected.values()].sort((a, b) => a.clientId.localeCompare(b.clientId, 'zh-CN', { numeric: true }));
    const rows: HTMLElement[] = clients.slice(0, MAX_ROWS).map((client) => this.connectedRow(client));
    const hidden = total - Math.min(clients.length, MAX_ROWS);
    if (hidden > 0) rows.push(element('li', 'connection-more', translate(CONNECTION_TEXT.more, locale, { count: hidden })));
    if (total === 0) rows.push(element('li', 'side-empty', say('noConnections', locale)));
    this.connectedList.replaceChildren(...rows);

    setText(this.refusedTitle, `${say('refused', locale)} (${this.refused.size})`);
    const groups = [...this.refused.values()].reverse();
    const refusedRows = groups.slice(0, MAX_ROWS).map((group) => this.refusedRow(group));
    if (groups.length === 0) refusedRows.push(element('li', 'side-empty', say('noRefusals', locale)));
    this.refusedList.replaceChildren(...refusedRows);
  }

  private connectedRow(client: Connected): HTMLElement {
    const locale = this.locale;
    const row = element('li', 'connection-connected');
    row.dataset.clientId = client.clientId;
    const details = [
      client.username !== null ? translate(CONNECTION_TEXT.user, locale, { name: client.username }) : null,
      client.address,
      translate(TRANSPORT_TEXT[client.transport] ?? TRANSPORT_TEXT.tcp, locale),
      translate(CONNECTION_TEXT.since, locale, { time: clockTime(client.since) }),
      client.readOnly ? translate(CONNECTION_TEXT.readOnly, locale) : null,
    ].filter((part): part is string => part !== null);
    row.append(element('span', 'connection-id', client.clientId), ' ', element('span', 'connection-detail', details.join(' · ')));
    if (client.dropped > 0) row.append(element('div', 'connection-reason', translate(CONNECTION_TEXT.dropped, locale, { count: client.dropped })));
    return row;
  }

  private refusedRow(group: RefusalGroup): HTMLElement {
    const locale = this.locale;
    const { last, count } = group;
    const row = element('li', 'connection-refused');
    row.dataset.reason = last.reason;
    const who = last.clientId !== undefined && last.clientId !== '' ? last.clientId : translate(CONNECTION_TEXT.unknownClient, locale);
    const reason = REFUSAL_TEXT[last.reason];
    const where = [last.address, translate(TRANSPORT_TEXT[last.transport] ?? TRANSPORT_TEXT.tcp, locale), translate(CONNECTION_TEXT.times, locale, { count, time: clockTime(last.time) })];
    row.append(
      element('span', 'connection-id', who),
      ' ',
      element('span', 'connection-detail', where.join(' · ')),
      element('div', 'connection-reason', reason !== undefined ? translate(reason, locale) : last.reason),
    );
    return row;
  }
}

function parse<T>(data: string): T | null {
  try {
    const value = JSON.parse(data) as unknown;
    return value !== null && typeof value === 'object' ? (value as T) : null;
  } catch {
    return null;
  }
}
