/** Texts of the dashboard's connections panel (why a client was turned away: src/server/events/refusal-text.ts, shared with the server terminal). */
import type { Message } from '../../../../blocks/types';
import type { Transport } from '../../../server/events/connection-events';
import type { TextTable } from '../../common/page-text';

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
