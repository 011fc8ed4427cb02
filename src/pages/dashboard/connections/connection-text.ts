/** Texts of the dashboard's connections panel: why a client was turned away, in words for the teacher. */
import type { Message } from '../../../../blocks/types';
import type { RefusalReason, Transport } from '../../../server/events/connection-events';
import type { TextTable } from '../../common/page-text';

export const REFUSAL_TEXT = {
  badPassword: {
    id: 'mqtt.page.dashboard.refusal.badPassword',
    default: 'wrong username or password: check what the group typed in the connect block',
    description: 'Dashboard connections panel: a client was refused because its username or password was wrong.',
  },
  foreignOrigin: {
    id: 'mqtt.page.dashboard.refusal.foreignOrigin',
    default: 'a web page from another site tried to connect (start the server with --allow-origin if that site is yours)',
    description: 'Dashboard connections panel: a web page of another web site tried to use the broker. --allow-origin is a command line option; keep it.',
  },
  foreignHost: {
    id: 'mqtt.page.dashboard.refusal.foreignHost',
    default: 'the request used a server name that is not this server',
    description: 'Dashboard connections panel: an HTTP request named another host (a possible DNS rebinding attack).',
  },
  tooManyConnections: {
    id: 'mqtt.page.dashboard.refusal.tooManyConnections',
    default: 'too many connections from one computer: close extra tabs or programs there',
    description: 'Dashboard connections panel: one address opened more connections than allowed.',
  },
  packetTooLarge: {
    id: 'mqtt.page.dashboard.refusal.packetTooLarge',
    default: 'sent a message larger than the limit',
    description: 'Dashboard connections panel: a client sent an MQTT packet over the size limit and was closed.',
  },
  malformedPacket: {
    id: 'mqtt.page.dashboard.refusal.malformedPacket',
    default: 'sent data that is not valid MQTT',
    description: 'Dashboard connections panel: a client sent malformed MQTT data and was closed.',
  },
  loginTimeout: {
    id: 'mqtt.page.dashboard.refusal.loginTimeout',
    default: 'opened a connection but never logged in',
    description: 'Dashboard connections panel: a client connected but sent no MQTT login in time.',
  },
  clientIdTooLong: {
    id: 'mqtt.page.dashboard.refusal.clientIdTooLong',
    default: 'client id too long',
    description: 'Dashboard connections panel: a client was refused because its client id is too long.',
  },
  topicTooLong: {
    id: 'mqtt.page.dashboard.refusal.topicTooLong',
    default: 'used a topic that is too long or too deep',
    description: 'Dashboard connections panel: a client used a topic over the length or level limit.',
  },
  readOnly: {
    id: 'mqtt.page.dashboard.refusal.readOnly',
    default: 'tried to publish with the read-only viewer code',
    description: 'Dashboard connections panel: a client logged in with the viewer code tried to publish.',
  },
  slowReader: {
    id: 'mqtt.page.dashboard.refusal.slowReader',
    default: 'read messages too slowly and was disconnected',
    description: 'Dashboard connections panel: the server closed a client that did not read its messages.',
  },
  tooManyFeeds: {
    id: 'mqtt.page.dashboard.refusal.tooManyFeeds',
    default: 'too many monitor or dashboard pages open',
    description: 'Dashboard connections panel: a monitor or dashboard page was refused because too many are open.',
  },
  needsLogin: {
    id: 'mqtt.page.dashboard.refusal.needsLogin',
    default: 'needs the classroom username and password',
    description: 'Dashboard connections panel: a client came without a username and password where they are required.',
  },
} as const satisfies TextTable<RefusalReason>;

export const TRANSPORT_TEXT = {
  tcp: { id: 'mqtt.page.dashboard.transport.tcp', default: 'board (TCP)', description: 'Dashboard connections panel: the client connected over plain MQTT (TCP), usually a board.' },
  websocket: {
    id: 'mqtt.page.dashboard.transport.websocket',
    default: 'browser (WebSocket)',
    description: 'Dashboard connections panel: the client connected over WebSocket, usually a Scratch project in a browser.',
  },
  http: { id: 'mqtt.page.dashboard.transport.http', default: 'web page', description: 'Dashboard connections panel: the request came from a web page (HTTP).' },
} as const satisfies TextTable<Transport>;

export const CONNECTION_TEXT = {
  since: {
    id: 'mqtt.page.dashboard.connections.since',
    default: 'since {time}',
    description: 'Dashboard connections panel: when a client connected. {time} is a clock time such as 10:02:03.',
  },
  user: { id: 'mqtt.page.dashboard.connections.user', default: 'user {name}', description: 'Dashboard connections panel: the username a client logged in with. {name} is that username.' },
  readOnly: { id: 'mqtt.page.dashboard.connections.readOnly', default: 'viewer, read only', description: 'Dashboard connections panel: the client logged in with the read-only viewer code.' },
  dropped: {
    id: 'mqtt.page.dashboard.connections.dropped',
    default: 'messages dropped: {count} (it reads too slowly)',
    description: 'Dashboard connections panel: messages the server dropped for a client that does not read fast enough. {count} is a number.',
  },
  times: {
    id: 'mqtt.page.dashboard.connections.times',
    default: '{count} times, last at {time}',
    description: 'Dashboard connections panel: how often the same refusal happened and when last. {time} is a clock time.',
  },
  more: {
    id: 'mqtt.page.dashboard.connections.more',
    default: 'and {count} more',
    description: 'Dashboard connections panel: how many connected clients are not listed.',
  },
  unknownClient: {
    id: 'mqtt.page.dashboard.connections.unknownClient',
    default: '(no client id yet)',
    description: 'Dashboard connections panel: a refused connection that had not sent its client id.',
  },
  offline: {
    id: 'mqtt.page.dashboard.connections.offline',
    default: 'Not receiving connection news: is the classroom server still running?',
    description: 'Dashboard connections panel: its feed from the server is interrupted.',
  },
} as const satisfies Record<string, Message>;
