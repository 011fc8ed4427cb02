/** Texts of the message monitor panel (board editor side panel and the big-screen page). */
import type { Message } from '../../../blocks/types';
import type { TextTable } from '../common/page-text';

export type MonitorTextKey =
  | 'title'
  | 'filterPlaceholder'
  | 'filterLabel'
  | 'pause'
  | 'resume'
  | 'clear'
  | 'empty'
  | 'teacherOnly'
  | 'signIn'
  | 'statusConnecting'
  | 'statusLive'
  | 'statusOffline'
  | 'retained'
  | 'time'
  | 'topic'
  | 'payload';

export const MONITOR_TEXT: TextTable<MonitorTextKey> = {
  title: {
    id: 'mqtt.page.monitor.heading',
    default: 'Messages',
    description: 'Message monitor (board editor side panel and big-screen page): heading.',
  },
  filterPlaceholder: {
    id: 'mqtt.page.monitor.filterPlaceholder',
    default: 'Filter, e.g. home/#',
    description: 'Message monitor: placeholder of the topic filter box. home/# is an example topic filter; keep it.',
  },
  filterLabel: {
    id: 'mqtt.page.monitor.filterLabel',
    default: 'Show only topics',
    description: 'Message monitor: label of the topic filter box.',
  },
  pause: {
    id: 'mqtt.page.monitor.pause',
    default: 'Pause',
    description: 'Message monitor: button freezing the list of messages.',
  },
  resume: {
    id: 'mqtt.page.monitor.resume',
    default: 'Resume',
    description: 'Message monitor: button showing new messages again after a pause.',
  },
  clear: {
    id: 'mqtt.page.monitor.clear',
    default: 'Clear',
    description: 'Message monitor: button emptying the list.',
  },
  empty: {
    id: 'mqtt.page.monitor.empty',
    default: 'No messages yet. Every message sent to the classroom broker shows up here.',
    description: 'Message monitor: shown while the list is empty.',
  },
  teacherOnly: {
    id: 'mqtt.page.monitor.teacherOnly',
    default: "On the classroom network the class's messages are the teacher's to watch. Ask your teacher for the viewer code, then sign in to watch them here.",
    description: "Board editor's monitor panel in LAN mode, before anyone signs in: why no messages are shown and what to do.",
  },
  signIn: {
    id: 'mqtt.page.monitor.signIn',
    default: 'Sign in to watch',
    description: "Board editor's monitor panel in LAN mode: button that asks for the teacher's login or the viewer code (the browser's own login box).",
  },
  statusConnecting: {
    id: 'mqtt.page.monitor.status.connecting',
    default: 'Connecting…',
    description: 'Message monitor: status while connecting to the classroom server.',
  },
  statusLive: {
    id: 'mqtt.page.monitor.status.live',
    default: 'Live',
    description: 'Message monitor: status while messages arrive live.',
  },
  statusOffline: {
    id: 'mqtt.page.monitor.status.offline',
    default: 'Server not reachable',
    description: 'Message monitor: status when the classroom server cannot be reached.',
  },
  retained: {
    id: 'mqtt.page.monitor.retained',
    default: 'retained',
    description: 'Message monitor: flag on a message the broker kept (MQTT "retain").',
  },
  time: {
    id: 'mqtt.page.monitor.column.time',
    default: 'Time',
    description: 'Message monitor: column heading, when the message arrived.',
  },
  topic: {
    id: 'mqtt.page.monitor.column.topic',
    default: 'Topic',
    description: 'Message monitor: column heading, the MQTT topic.',
  },
  payload: {
    id: 'mqtt.page.monitor.column.payload',
    default: 'Message',
    description: 'Message monitor: column heading, the message text.',
  },
};

/** Texts with a number in them (`{count}` takes ICU plural forms). */
export const MONITOR_COUNTS = {
  waiting: {
    id: 'mqtt.page.monitor.waiting',
    default: 'Paused: {count, plural, one {# new message} other {# new messages}} waiting',
    description: 'Message monitor: shown while paused. {count} is how many new messages wait.',
  },
  skipped: {
    id: 'mqtt.page.monitor.skipped',
    default: '{count, plural, one {# message was} other {# messages were}} skipped (too many at once)',
    description: 'Message monitor: messages not shown because too many arrived at once. {count} is how many.',
  },
  truncated: {
    id: 'mqtt.page.monitor.truncated',
    default: '… (cut, {bytes} bytes in all)',
    description: 'Message monitor: after a long message shown cut short. {bytes} is its full size.',
  },
} as const satisfies Record<string, Message>;

/** The big-screen page's own texts around the panel. */
export const MONITOR_PAGE_TEXT: TextTable<'pageTitle' | 'home' | 'board' | 'dashboard'> = {
  pageTitle: {
    id: 'mqtt.page.monitor.title',
    default: 'MQTT message monitor',
    description: 'Big-screen message monitor page: browser tab title.',
  },
  home: {
    id: 'mqtt.page.monitor.home',
    default: 'Classroom server',
    description: 'Big-screen message monitor page: link back to the classroom server\'s start page.',
  },
  board: {
    id: 'mqtt.page.monitor.boardPage',
    default: 'Board editor',
    description: 'Big-screen message monitor page: link to the board editor.',
  },
  dashboard: {
    id: 'mqtt.page.monitor.dashboardPage',
    default: 'Dashboard',
    description: 'Big-screen message monitor page: link to the classroom dashboard (live charts, controls, connections).',
  },
};
