/**
 * The texts the board libraries print and put in `connection error`, as messages (src/i18n). In the
 * library files (micropython.py, python.py) each is one line `_T_NAME = <English>`; the generator
 * writes those lines in the pupil's language (library.ts). test/generators/library.test.ts keeps
 * the English in the .py files equal to the English here, so the files run as they are.
 *
 * `%s` marks a value (Python's % formatting); a list is a tuple of reasons picked by number.
 * Short on purpose: every byte of text is RAM on the board.
 */
import type { Message } from '../../../blocks/types';

export type LibraryText = Message | readonly Message[];

export const LIBRARY_TEXTS: Readonly<Record<string, LibraryText>> = {
  _T_WIFI_OK: {
    id: 'mqtt.board.library.wifiOk',
    default: 'Wi-Fi connected:',
    description: 'Printed by the board when Wi-Fi is up, followed by its IP address.',
  },
  _T_WIFI_FAILED: {
    id: 'mqtt.board.library.wifiFailed',
    default: 'Wi-Fi %s did not connect: check its name and password.',
    description: 'Board message: Wi-Fi did not connect. %s is the network name. Keep each %s.',
  },
  _T_UNREACHABLE: {
    id: 'mqtt.board.library.unreachable',
    default: 'Cannot reach the broker (%s). Is it running, and is the board on its network? Trying again.',
    description: 'Board message (MicroPython): the broker cannot be reached. %s is the technical reason. Keep each %s.',
  },
  _T_PI_UNREACHABLE: {
    id: 'mqtt.board.library.piUnreachable',
    default: 'Cannot reach the broker at %s yet (still trying). Is it running?',
    description: 'Raspberry Pi message: the broker cannot be reached yet. %s is host:port. Keep each %s.',
  },
  _T_REFUSED: {
    id: 'mqtt.board.library.refused',
    default: 'The broker refused the connection: %s',
    description: 'Board message: the broker refused the connection. %s is one of the refusal reasons below (or a code). Keep each %s.',
  },
  _T_REFUSALS: [
    { id: 'mqtt.board.library.refusals.1', default: 'unsupported MQTT version.', description: 'Board message, a reason the broker refused the connection (inserted into "The broker refused the connection: %s"), number 1 of 5.' },
    { id: 'mqtt.board.library.refusals.2', default: 'client id rejected.', description: 'Board message, a reason the broker refused the connection (inserted into "The broker refused the connection: %s"), number 2 of 5.' },
    { id: 'mqtt.board.library.refusals.3', default: 'broker unavailable.', description: 'Board message, a reason the broker refused the connection (inserted into "The broker refused the connection: %s"), number 3 of 5.' },
    { id: 'mqtt.board.library.refusals.4', default: 'wrong username or password.', description: 'Board message, a reason the broker refused the connection (inserted into "The broker refused the connection: %s"), number 4 of 5.' },
    { id: 'mqtt.board.library.refusals.5', default: 'not authorised: check the username and password.', description: 'Board message, a reason the broker refused the connection (inserted into "The broker refused the connection: %s"), number 5 of 5.' },
  ],
  _T_LOST: {
    id: 'mqtt.board.library.lost',
    default: 'Lost the connection to the broker (%s). Reconnecting.',
    description: 'Board message: the connection dropped; the board reconnects by itself. %s is the technical reason. Keep each %s.',
  },
  _T_LOST_AFTER_PUBLISH: {
    id: 'mqtt.board.library.lostAfterPublish',
    default:
      'Lost the connection to the broker just after a message to %s. Reconnecting. If it happens after every message to that topic, the broker does not allow it: ask your teacher.',
    description: 'Board message: the broker closed the connection right after a publish (usually a topic it forbids). %s is that topic. Keep each %s.',
  },
  _T_NOT_CONNECTED: {
    id: 'mqtt.board.library.notConnected',
    default: 'Not connected, so the message to %s was not sent. Use "connect" first.',
    description: 'Board message: a message was not sent because the board is not connected. %s is its topic; "connect" is the block\'s name. Keep each %s.',
  },
  _T_NOT_CONFIRMED: {
    id: 'mqtt.board.library.notConfirmed',
    default: 'The broker did not confirm the message to %s.',
    description: 'Raspberry Pi message: the broker did not acknowledge a QoS 1/2 message. %s is its topic. Keep each %s.',
  },
  _T_SUBSCRIBE_REFUSED: {
    id: 'mqtt.board.library.subscribeRefused',
    default: 'The broker refused the subscription to %s: ask your teacher.',
    description: 'Board message: the broker refused a subscription. %s is the topic. Keep each %s.',
  },
  _T_BAD_TOPIC: {
    id: 'mqtt.board.library.badTopic',
    default: 'Cannot use the topic "%s": %s',
    description: 'Board message: a topic computed while running cannot be used. The first %s is the topic, the second one of the topic problems below. Keep each %s.',
  },
  _T_TOPIC_PROBLEMS: [
    { id: 'mqtt.board.library.topicProblems.1', default: 'it is empty.', description: 'Board message, what is wrong with a topic (inserted into "Cannot use the topic ...: %s"), number 1 of 5.' },
    { id: 'mqtt.board.library.topicProblems.2', default: 'it is too long or has a NUL character.', description: 'Board message, what is wrong with a topic (inserted into "Cannot use the topic ...: %s"), number 2 of 5.' },
    { id: 'mqtt.board.library.topicProblems.3', default: '+ and # are only for subscribing.', description: 'Board message, what is wrong with a topic (inserted into "Cannot use the topic ...: %s"), number 3 of 5.' },
    { id: 'mqtt.board.library.topicProblems.4', default: '$SYS topics belong to the broker.', description: 'Board message, what is wrong with a topic (inserted into "Cannot use the topic ...: %s"), number 4 of 5.' },
    { id: 'mqtt.board.library.topicProblems.5', default: '# and + must fill a whole level, like a/+/b or a/#.', description: 'Board message, what is wrong with a topic (inserted into "Cannot use the topic ...: %s"), number 5 of 5.' },
  ],
  _T_BAD_ADDRESS: {
    id: 'mqtt.board.library.badAddress',
    default: '"%s" is not a broker address a board can use. Write it like mqtt://192.168.1.2:1883 (not ws:// or a WebSocket port).',
    description: 'Board message: an address computed while running is not one a board can use. %s is that address. Keep each %s.',
  },
  _T_SCRIPT_ERROR: {
    id: 'mqtt.board.library.scriptError',
    default: 'Error in %s: %s',
    description: 'Board message: a script stopped with a Python error. The first %s is the script\'s function name, the second the error. Keep each %s.',
  },
  _T_STOPPED: {
    id: 'mqtt.board.library.stopped',
    default: 'Stopped.',
    description: 'Raspberry Pi message: the program was stopped (Ctrl+C).',
  },
};
