/**
 * The live message monitor: every message through the broker, newest on top, at most `maxRows`
 * rows, with a topic filter and a pause button. Used inside the board editor and as its own page.
 *
 * Topics and payloads come from pupils: they are only ever set as textContent, never as HTML.
 */
import { translate, type Locale } from '../../i18n/translate';
import type { MonitoredMessage } from '../../server/monitor';
import { applyTexts } from '../common/page-text';
import { senderText } from '../common/sender-text';
import { openMonitorFeed, type FeedStatus } from './monitor-feed';
import { FEED_TEXT } from '../common/feed-refusal';
import { MONITOR_COUNTS, MONITOR_TEXT, type MonitorTextKey } from './monitor-text';
import { topicPredicate } from './topic-filter-box';

export interface MonitorPanelOptions {
  locale: Locale;
  /** Feed address; default `/api/monitor` on the page's own server. */
  feedUrl?: string;
  /** Rows kept on screen (and messages kept while paused). */
  maxRows?: number;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, textKey?: MonitorTextKey): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (textKey !== undefined) node.dataset.text = textKey;
  return node;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS in the computer's time zone; the same in both languages. */
function clockTime(ms: number): string {
  const date = new Date(ms);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export class MonitorPanel {
  private locale: Locale;
  private readonly maxRows: number;
  private readonly root: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLElement;
  private readonly info: HTMLElement;
  private readonly status: HTMLElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly filterBox: HTMLInputElement;
  private readonly topics = new WeakMap<Element, string>();
  private matches: (topic: string) => boolean = () => true;
  private paused = false;
  /** Messages that arrived while paused, oldest first (bounded like the list). */
  private waiting: MonitoredMessage[] = [];
  private skipped = 0;
  private feedStatus: FeedStatus = 'connecting';
  private closeFeed: (() => void) | null = null;

  constructor(container: HTMLElement, options: MonitorPanelOptions) {
    this.locale = options.locale;
    this.maxRows = options.maxRows ?? 500;
    this.root = element('div', 'monitor');

    const head = element('div', 'monitor-head');
    const title = element('h2', 'monitor-title', 'title');
    this.status = element('span', 'monitor-status');
    this.status.setAttribute('role', 'status');
    this.filterBox = element('input', 'monitor-filter');
    this.filterBox.type = 'search';
    this.filterBox.dataset.placeholder = 'filterPlaceholder';
    this.filterBox.dataset.ariaLabel = 'filterLabel';
    this.filterBox.addEventListener('input', () => this.applyFilter());
    this.pauseButton = element('button', 'monitor-pause button');
    this.pauseButton.type = 'button';
    this.pauseButton.addEventListener('click', () => this.setPaused(!this.paused));
    const clearButton = element('button', 'monitor-clear button', 'clear');
    clearButton.type = 'button';
    clearButton.addEventListener('click', () => this.clear());
    head.append(title, this.status, this.filterBox, this.pauseButton, clearButton);

    this.info = element('p', 'monitor-info');
    this.info.hidden = true;
    this.empty = element('p', 'monitor-empty', 'empty');
    this.list = element('ol', 'monitor-list');
    this.root.append(head, this.info, this.empty, this.list);
    container.append(this.root);
    this.render();
  }

  /** Starts listening to the server. */
  start(feedUrl = '/api/monitor'): void {
    this.closeFeed?.();
    this.closeFeed = openMonitorFeed(feedUrl, {
      message: (message) => this.add(message),
      dropped: (count) => {
        this.skipped += count;
        this.renderInfo();
      },
      status: (status) => {
        this.feedStatus = status;
        this.renderStatus();
      },
    });
  }

  /**
   * LAN mode: the feed needs the teacher's login or the viewer code (issue 9), and opening it
   * would pop the browser's login box at every pupil. Say so, and open it only when asked.
   */
  waitForSignIn(feedUrl = '/api/monitor'): void {
    this.stop();
    this.empty.dataset.text = 'teacherOnly';
    const signIn = element('button', 'monitor-sign-in button', 'signIn');
    signIn.type = 'button';
    signIn.addEventListener('click', () => {
      signIn.remove();
      this.empty.dataset.text = 'empty';
      this.render();
      this.start(feedUrl);
    });
    this.empty.after(signIn);
    this.render();
  }

  stop(): void {
    this.closeFeed?.();
    this.closeFeed = null;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
    // Flags and truncation notes inside existing rows carry their own text.
    for (const flag of Array.from(this.list.querySelectorAll<HTMLElement>('.monitor-flag'))) {
      flag.textContent = translate(MONITOR_TEXT.retained, locale);
    }
    for (const sender of Array.from(this.list.querySelectorAll<HTMLElement>('.monitor-sender'))) {
      sender.textContent = senderText(sender.dataset.clientId ?? null, locale);
    }
  }

  add(message: MonitoredMessage): void {
    if (this.paused) {
      this.waiting.push(message);
      if (this.waiting.length > this.maxRows) this.waiting.shift();
      this.renderInfo();
      return;
    }
    this.list.prepend(this.row(message));
    while (this.list.childElementCount > this.maxRows) this.list.lastElementChild?.remove();
    this.empty.hidden = true;
  }

  private row(message: MonitoredMessage): HTMLLIElement {
    const row = element('li', 'monitor-row');
    const time = element('time', 'monitor-time');
    time.dateTime = new Date(message.time).toISOString();
    time.textContent = clockTime(message.time);
    const topic = element('span', 'monitor-topic');
    topic.textContent = message.topic;
    const payload = element('span', 'monitor-payload');
    payload.textContent = message.payload;
    if (message.truncated) {
      const note = element('span', 'monitor-note');
      note.textContent = translate(MONITOR_COUNTS.truncated, this.locale, { bytes: message.bytes });
      payload.append(note);
    }
    row.append(time, topic, payload);
    if (message.retain) {
      const flag = element('span', 'monitor-flag');
      flag.textContent = translate(MONITOR_TEXT.retained, this.locale);
      topic.append(' ', flag);
    }
    // Who sent it: the client id a board or project connected with (none for the broker's own messages).
    const sender = element('span', 'monitor-sender');
    if (message.clientId !== null) sender.dataset.clientId = message.clientId;
    sender.textContent = senderText(message.clientId, this.locale);
    // Its own grid cell, under the topic: the topic cell keeps exactly the topic's text.
    row.append(sender);
    this.topics.set(row, message.topic);
    row.hidden = !this.matches(message.topic);
    return row;
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) {
      const waiting = this.waiting;
      this.waiting = [];
      for (const message of waiting) this.add(message);
    }
    this.render();
  }

  private clear(): void {
    this.list.replaceChildren();
    this.waiting = [];
    this.skipped = 0;
    this.empty.hidden = false;
    this.renderInfo();
  }

  private applyFilter(): void {
    this.matches = topicPredicate(this.filterBox.value);
    for (const row of Array.from(this.list.children)) {
      (row as HTMLElement).hidden = !this.matches(this.topics.get(row) ?? '');
    }
  }

  private render(): void {
    applyTexts(this.root, MONITOR_TEXT, this.locale);
    this.pauseButton.textContent = translate(MONITOR_TEXT[this.paused ? 'resume' : 'pause'], this.locale);
    this.pauseButton.setAttribute('aria-pressed', String(this.paused));
    this.root.classList.toggle('is-paused', this.paused);
    this.renderStatus();
    this.renderInfo();
  }

  private renderStatus(): void {
    const text = this.feedStatus === 'refused'
      ? FEED_TEXT.tooManyOpen
      : MONITOR_TEXT[({ connecting: 'statusConnecting', live: 'statusLive', offline: 'statusOffline' } as const)[this.feedStatus]];
    this.status.textContent = translate(text, this.locale);
    this.status.dataset.state = this.feedStatus;
  }

  private renderInfo(): void {
    const lines: string[] = [];
    if (this.paused) lines.push(translate(MONITOR_COUNTS.waiting, this.locale, { count: this.waiting.length }));
    if (this.skipped > 0) lines.push(translate(MONITOR_COUNTS.skipped, this.locale, { count: this.skipped }));
    this.info.textContent = lines.join(' · ');
    this.info.hidden = lines.length === 0;
  }
}
