/**
 * Every error and notice a pupil sees from the live extension's session (the "connection error"
 * reporter). Each says what happened and what to do next, in plain words; `{name}` marks a value.
 * Chinese (and any other language) is in ./locales/<locale>.json under the same id.
 */
import type { Message } from '../../blocks/types';

export const MESSAGES = {
  urlEmpty: {
    id: 'mqtt.connect.url.empty',
    default: "Type the broker's address into the connect block, for example ws://localhost:8000/mqtt.",
    description: 'Connection error: the address in the "connect" block is empty.',
  },
  urlInvalid: {
    id: 'mqtt.connect.url.invalid',
    default: '"{url}" is not a broker address. Write it like ws://localhost:8000/mqtt.',
    description: 'Connection error: the typed address cannot be read as a URL. {url} is what the pupil typed.',
  },
  urlTcpScheme: {
    id: 'mqtt.connect.url.tcpScheme',
    default:
      "A browser cannot use {scheme}:// addresses: that is plain TCP, for boards. Use the broker's WebSocket address instead, for example {classroomUrl} (the mqtt-blocks classroom server), ws://{host}:8083/mqtt (EMQX) or ws://{host}:9001 (Mosquitto with websockets).",
    description:
      'Connection error in a browser: the pupil typed mqtt:// (or tcp://, ssl://). {scheme} is that scheme, {host} the typed host, {classroomUrl} the WebSocket address of the classroom server on that host (its real port when the page came from it).',
  },
  urlTcpPort: {
    id: 'mqtt.connect.url.tcpPort',
    default:
      "Port {port} is the broker's TCP port for boards; a browser cannot connect to it. Use the broker's WebSocket port instead, for example {classroomUrl} (the mqtt-blocks classroom server), ws://{host}:8083/mqtt (EMQX) or ws://{host}:9001 (Mosquitto with websockets).",
    description:
      'Connection error in a browser: the typed address uses port 1883 or 8883 (MQTT over TCP). {port} is that port, {host} the typed host, {classroomUrl} the WebSocket address of the classroom server on that host.',
  },
  urlUnsupportedScheme: {
    id: 'mqtt.connect.url.unsupportedScheme',
    default: '{scheme}:// is not an MQTT address a browser can use. Start the address with ws:// or wss://.',
    description: 'Connection error: the typed address starts with an unknown scheme such as http://. {scheme} is that scheme.',
  },
  mixedContent: {
    id: 'mqtt.connect.url.mixedContent',
    default:
      "This editor page is secure (https), so the browser blocks the insecure address {url}. Use the wss:// address of the broker (for example wss://{host}:8084/mqtt), or use an editor opened over http: the classroom server's own Scratch editor ({classroomEditorUrl}) or the TurboWarp desktop app.",
    description:
      'Connection error: an https editor page (such as turbowarp.org) may not open ws:// to another computer. {url} is the typed address, {host} its host, {classroomEditorUrl} the http address of the classroom server\'s Scratch editor on that host.',
  },
  notAllowed: {
    id: 'mqtt.connect.notAllowed',
    default:
      'The editor did not allow connecting to {url}. Click "Allow" when the editor asks, or ask your teacher to load the extension without the sandbox.',
    description: 'Connection error: TurboWarp asked the pupil whether the project may connect and the answer was no. {url} is the address.',
  },
  connectTimeout: {
    id: 'mqtt.connect.timeout',
    default:
      'The broker at {url} did not answer within {seconds} seconds. Check the address, the port and that the broker is running. Still trying in the background.',
    description: 'Connection error: "connect" gave up waiting (it keeps trying in the background). {url} is the address, {seconds} a number.',
  },
  unreachable: {
    id: 'mqtt.connect.unreachable',
    default: 'Cannot reach the broker at {url}. Check the address and that the broker is running. Trying again by itself.',
    description: 'Connection error: nothing answers at the address (wrong host or port, broker not started). {url} is the address.',
  },
  connectionLost: {
    id: 'mqtt.connection.lost',
    default: 'The connection to {url} was lost. Reconnecting by itself; messages with QoS 1 or 2 are sent once it is back.',
    description: 'Connection error: an established connection dropped; the extension reconnects by itself. {url} is the address.',
  },
  refusedProtocol: {
    id: 'mqtt.connect.refused.protocol',
    default: 'The broker refused the connection: it does not accept MQTT 3.1.1. Ask your teacher which broker to use.',
    description: 'Connection error: the broker answered "unacceptable protocol version".',
  },
  refusedClientId: {
    id: 'mqtt.connect.refused.clientId',
    default: 'The broker refused this client id. Use the connect block again to get a new one.',
    description: 'Connection error: the broker answered "identifier rejected".',
  },
  refusedUnavailable: {
    id: 'mqtt.connect.refused.unavailable',
    default: 'The broker is running but not accepting connections right now. Wait a moment, then connect again.',
    description: 'Connection error: the broker answered "server unavailable".',
  },
  refusedBadCredentials: {
    id: 'mqtt.connect.refused.badPassword',
    default: 'Wrong username or password. Check them in the connect block (ask your teacher), then connect again.',
    description: 'Connection error: the broker answered "bad user name or password".',
  },
  refusedNotAuthorized: {
    id: 'mqtt.connect.refused.notAuthorized',
    default: 'The broker does not allow this user to connect. Ask your teacher for a username and password that may.',
    description: 'Connection error: the broker answered "not authorized".',
  },
  refusedPageNotAllowed: {
    id: 'mqtt.connect.refused.pageNotAllowed',
    default:
      'The broker refused this page ({origin}) or this user. Ask your teacher to allow this page (start the classroom server with --allow-origin {origin}), or to give you a username and password that may connect.',
    description:
      'Connection error: the broker answered "not authorized" to a connection from a web page. The classroom server answers this to pages of other sites. {origin} is the page\'s origin, e.g. https://example.org.',
  },
  refusedOther: {
    id: 'mqtt.connect.refused.other',
    default: 'The broker refused the connection (reason {code}). Check the address, username and password, then connect again.',
    description: 'Connection error: the broker refused with a reason code we have no words for. {code} is that number.',
  },
  credentialTooLong: {
    id: 'mqtt.connect.credentialTooLong',
    default: 'The username or password is too long: MQTT allows at most 65,535 bytes. Use a shorter one, then connect again.',
    description: 'Connection error: the username or password typed into "connect" is longer than MQTT allows.',
  },
  willTooLong: {
    id: 'mqtt.setLastWill.tooLong',
    default: 'The last will message is too long: MQTT allows at most 65,535 bytes there. Use a shorter message.',
    description: 'Error from the "if I disconnect unexpectedly, publish" block (the last will): its message is too long.',
  },
  notConnected: {
    id: 'mqtt.notConnected',
    default: 'Not connected yet: use the "connect" block first.',
    description: 'Error: a block that needs a connection (subscribe, publish) ran before "connect". "connect" is the block\'s name.',
  },
  offlineQos0: {
    id: 'mqtt.publish.offlineQos0',
    default:
      'Not connected right now, so the message to {topic} was not sent. Messages with QoS 1 or 2 wait and are sent after reconnecting.',
    description: 'Error: a QoS 0 message was published while the connection was down, so it was not sent. {topic} is its topic.',
  },
  topicEmpty: {
    id: 'mqtt.topic.empty',
    default: 'The topic is empty. Type a topic such as classroom/test.',
    description: 'Error: a block got an empty topic. "classroom/test" is an example topic; keep it as is.',
  },
  topicTooLong: {
    id: 'mqtt.topic.tooLong',
    default: 'The topic is longer than MQTT allows (65,535 bytes). Use a shorter topic.',
    description: 'Error: a topic is longer than MQTT allows.',
  },
  topicTooManyLevels: {
    id: 'mqtt.topic.tooManyLevels',
    default:
      'The topic has more than 100 levels (parts between / signs). Brokers refuse such topics: use fewer levels, like classroom/test.',
    description: 'Error: a topic has more than 100 parts separated by /.',
  },
  topicNulCharacter: {
    id: 'mqtt.topic.nulCharacter',
    default: 'The topic contains an invisible NUL character, which MQTT forbids. Retype the topic.',
    description: 'Error: a topic contains the character U+0000 (usually pasted from elsewhere).',
  },
  topicWildcardInTopic: {
    id: 'mqtt.topic.wildcardInPublish',
    default: 'You can only publish to an exact topic: "{topic}" contains + or #, which are only for subscribing.',
    description: 'Error: a publish block got a topic with the wildcards + or #. {topic} is that topic.',
  },
  topicReserved: {
    id: 'mqtt.topic.reserved',
    default:
      'Topics starting with $SYS belong to the broker itself: you can subscribe to "{topic}" but not publish to it. Publish to a topic of your own, such as classroom/test.',
    description: 'Error: a publish block got a topic starting with $SYS (the broker\'s own status topics). {topic} is that topic.',
  },
  topicMisplacedHash: {
    id: 'mqtt.topic.misplacedHash',
    default: 'In "{topic}", # must be the last level on its own, like sensors/#.',
    description: 'Error: a subscription topic uses # somewhere other than as the whole last level. {topic} is that topic.',
  },
  topicMisplacedPlus: {
    id: 'mqtt.topic.misplacedPlus',
    default: 'In "{topic}", + must fill a whole level on its own, like sensors/+/temp.',
    description: 'Error: a subscription topic uses + inside a level (like a+b). {topic} is that topic.',
  },
  hatTopicNotTyped: {
    id: 'mqtt.whenMessage.topicNotTyped',
    default:
      'A "when message received" hat has a block in its topic. Type the topic into the hat itself: a hat must know its topic before any script runs.',
    description: 'Error: a "when message received on [TOPIC]" hat block has a reporter block dropped into its topic. Use the hat block\'s translated name.',
  },
  subscribeRefused: {
    id: 'mqtt.subscribe.refused',
    default: 'The broker refused the subscription to "{topic}": this user may not read it. Ask your teacher.',
    description: 'Error: the broker refused a subscription (no permission). {topic} is the topic.',
  },
  publishFailed: {
    id: 'mqtt.publish.failed',
    default: 'The message to "{topic}" could not be sent ({detail}). Check the connection and try again.',
    description: 'Error: publishing failed. {topic} is the topic, {detail} the technical reason in English from the MQTT library.',
  },
  willAfterConnect: {
    id: 'mqtt.setLastWill.afterConnect',
    default: 'The last will is given to the broker when connecting: it takes effect from the next "connect".',
    description: 'Notice: the last will block ran after "connect"; it applies from the next connection.',
  },
  unexpected: {
    id: 'mqtt.unexpected',
    default: 'Something went wrong: {detail}. Try connecting again.',
    description: 'Error we did not foresee. {detail} is the technical reason in English.',
  },
} as const satisfies Record<string, Message>;

export type MessageName = keyof typeof MESSAGES;
