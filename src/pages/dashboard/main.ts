/**
 * Entry of the classroom dashboard (/dashboard/): live charts of every topic that carries numbers,
 * grouped by topic levels, searchable and pinnable; the teacher's controls; who is connected.
 * Messages come from the server's monitor feed; drawing happens once per animation frame.
 */
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { BrokerInfo } from '../../server/http-app';
import { bindLanguageSwitch } from '../common/language-switch';
import { initialLocale, rememberLocale } from '../common/locale-choice';
import { fetchServerInfo } from '../common/server-info';
import { openMonitorFeed, type FeedStatus } from '../monitor/monitor-feed';
import { FEED_TEXT } from '../common/feed-refusal';
import { ConnectionsPanel } from './connections/connections-panel';
import { ControlLink } from './controls/control-link';
import { ControlsPanel } from './controls/controls-panel';
import { buildSignInForm } from './controls/sign-in-form';
import { DashboardModel } from './dashboard-model';
import { DASHBOARD_TEXT, say } from './dashboard-text';
import { DashboardView } from './dashboard-view';
import { applyPageTexts, applyTexts } from '../common/page-text';
import { setText } from './dom';
import { FrameBatcher } from './frame-batcher';
import { PinStore } from './pins';
import { GROUP_BY_PARENT } from './topic-groups';
import { DEFAULT_LIMITS } from '../../readings/history-limits';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`dashboard page is missing #${id}`);
  return node as T;
}

/** The server's answer, or null without one: the dashboard then shows the feed only. */
function fetchInfo(): Promise<BrokerInfo | null> {
  return fetchServerInfo().catch(() => null);
}

function start(): void {
  let locale: Locale = initialLocale();
  const model = new DashboardModel();
  const pins = new PinStore();
  const view = new DashboardView(
    { groups: byId('groups'), empty: byId('empty'), nothingMatches: byId('nothing-matches') },
    model,
    pins,
    locale,
    () => batcher.schedule(),
  );
  const link = new ControlLink(() => controls.renderStatus());
  const controls = new ControlsPanel(byId('controls'), link, locale, (topic) => model.topics.get(topic)?.lastPayload);
  const connections = new ConnectionsPanel(byId('connections'), locale);
  connections.start();

  const feedStatus = byId('feed-status');
  const feedInfo = byId('feed-info');
  let status: FeedStatus = 'connecting';
  let skipped = false;
  const showStatus = (): void => {
    setText(
      feedStatus,
      status === 'refused'
        ? translate(FEED_TEXT.tooManyOpen, locale)
        : say(({ connecting: 'statusConnecting', live: 'statusLive', offline: 'statusOffline' } as const)[status], locale),
    );
    feedStatus.dataset.state = status;
    const notes: string[] = [];
    if (skipped) notes.push(say('skipped', locale));
    if (model.ignoredMessages > 0) notes.push(say('tooManyTopics', locale));
    setText(feedInfo, notes.join(' '));
    feedInfo.hidden = notes.length === 0;
  };

  const batcher: FrameBatcher<string> = new FrameBatcher<string>((topics) => {
    view.drawTopics(topics);
    for (const topic of topics) {
      const payload = model.topics.get(topic)?.lastPayload;
      if (payload !== undefined) controls.follow(topic, payload);
    }
    return view.drawCharts();
  });
  // The server's chart history first (charts are full after a reload or in a second tab), then live.
  openMonitorFeed('/api/monitor?history=charts', {
    historyStart: () => model.startHistory(),
    history: (piece) => {
      if (model.addHistory(piece) !== null) batcher.mark(piece.topic);
      else if (model.ignoredMessages === 1) showStatus();
    },
    message: (message) => {
      if (model.add(message) !== null) batcher.mark(message.topic);
      else if (model.ignoredMessages === 1) showStatus();
    },
    dropped: () => {
      skipped = true;
      showStatus();
    },
    status: (next) => {
      status = next;
      showStatus();
    },
  });
  setInterval(() => {
    for (const topic of model.trimAll()) batcher.mark(topic);
    view.tick();
  }, 1000);

  const search = byId<HTMLInputElement>('search');
  search.addEventListener('input', () => view.setSearch(search.value));
  const groupBy = byId<HTMLSelectElement>('group-by');
  groupBy.addEventListener('change', () => view.setDepth(Number(groupBy.value) || GROUP_BY_PARENT));

  const switcher = bindLanguageSwitch(byId('languages'), (chosen) => {
    locale = chosen;
    rememberLocale(chosen);
    show();
  });
  const show = (): void => {
    applyPageTexts(DASHBOARD_TEXT, DASHBOARD_TEXT.pageTitle, locale);
    setText(byId('history-help'), say('historyHelp', locale, { minutes: DEFAULT_LIMITS.maxAgeMs / 60_000, points: DEFAULT_LIMITS.maxPoints.toLocaleString('en-US') }));
    view.setLocale(locale);
    controls.setLocale(locale);
    connections.setLocale(locale);
    switcher.show(locale);
    showStatus();
  };
  show();

  void fetchInfo().then((info) => {
    if (info === null) return;
    if (!info.authRequired) {
      void link.connect(info.websocketUrl, '', '');
      return;
    }
    controls.setSignInNeeded(true);
    const signIn = byId('sign-in');
    buildSignInForm(signIn, (username, password) => {
      controls.setSignInNeeded(false);
      void link.connect(info.websocketUrl, username, password).then(() => {
        signIn.hidden = link.state === 'live';
        controls.renderStatus();
      });
    });
    applyTexts(signIn, DASHBOARD_TEXT, locale);
  });
}

start();
