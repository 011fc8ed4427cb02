/**
 * Who sent a message, as the monitor and the dashboard show it: the client id a board or project
 * connected with, or the server itself (retained messages restored at start, the broker's own).
 */
import type { Message } from '../../../blocks/types';
import { translate, type Locale } from '../../i18n/translate';

export const SENDER_TEXT = {
  client: {
    id: 'mqtt.page.sender.client',
    default: 'from {client}',
    description: 'Message monitor and dashboard: who sent a message. {client} is the client id, e.g. esp32_a1b2 or mqtt-blocks_3f2a.',
  },
  server: {
    id: 'mqtt.page.sender.server',
    default: 'from the server',
    description: 'Message monitor and dashboard: the message came from the classroom server itself, not from a client.',
  },
} as const satisfies Record<string, Message>;

export function senderText(clientId: string | null, locale: Locale): string {
  return clientId === null ? translate(SENDER_TEXT.server, locale) : translate(SENDER_TEXT.client, locale, { client: clientId });
}
