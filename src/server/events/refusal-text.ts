/**
 * Why the server refused or closed a connection, in words for the teacher: one table for the server
 * terminal (every language on one line, formatConnectionEvent) and the dashboard's connections panel
 * (the page's language). Pure data: the dashboard's bundle imports it.
 */
import type { Message } from '../../../blocks/types';
import type { RefusalReason } from './connection-events';

const reason = (key: RefusalReason, text: string, when: string): Message => ({
  id: `mqtt.server.reason.${key}`,
  default: text,
  description: `Why the classroom server refused or closed a connection (server terminal and dashboard connections panel): ${when}`,
});

export const REFUSAL_TEXT: Readonly<Record<RefusalReason, Message>> = {
  badPassword: reason('badPassword', 'wrong username or password: check what was typed in the connect block or the login box', 'the username or password was wrong.'),
  foreignOrigin: reason(
    'foreignOrigin',
    'a web page from another site tried to connect (start the server with --allow-origin if that site is yours)',
    'a web page of another web site tried to use the broker. --allow-origin is a command line option; keep it.',
  ),
  foreignHost: reason(
    'foreignHost',
    'the request used a server name that is not this server (start the server with --allow-host if that name is yours)',
    'an HTTP request named another host (a possible DNS rebinding attack). --allow-host is a command line option; keep it.',
  ),
  tooManyConnections: reason('tooManyConnections', 'too many connections from one computer: close extra tabs or programs there', 'one address opened more connections than allowed.'),
  packetTooLarge: reason('packetTooLarge', 'sent a message larger than the limit', 'a client sent an MQTT packet over the size limit and was closed.'),
  malformedPacket: reason('malformedPacket', 'sent data that is not valid MQTT', 'a client sent malformed MQTT data and was closed.'),
  loginTimeout: reason('loginTimeout', 'opened a connection but never logged in', 'a client connected but sent no MQTT login in time.'),
  clientIdTooLong: reason('clientIdTooLong', 'client id too long', 'a client id over the length limit.'),
  topicTooLong: reason('topicTooLong', 'used a topic that is too long or too deep', 'a client used a topic over the length or level limit.'),
  readOnly: reason('readOnly', 'tried to publish with the read-only viewer code', 'a client logged in with the viewer code tried to publish.'),
  slowReader: reason('slowReader', 'read its messages too slowly', 'the server closed a client that did not read its messages.'),
  tooManyFeeds: reason('tooManyFeeds', 'too many monitor, dashboard or board-page windows open', 'a live feed of a page was refused because too many are open.'),
  needsLogin: reason('needsLogin', 'came without the classroom username and password (or the viewer code)', 'a client came without a login where one is required.'),
};
