/**
 * Every message of the project, one list per area: the completeness test checks each against every
 * locale file, and a translator's export reads them with their descriptions. An area that defines
 * messages adds its table here once (a message left out fails the test as an "id nobody defines").
 */
import type { Message } from '../../blocks/types';
import { SENDER_TEXT } from '../pages/common/sender-text';
import { DASHBOARD_TEXT } from '../pages/dashboard/dashboard-text';
import { MESSAGES } from './messages';

export const MESSAGE_AREAS: Readonly<Record<string, readonly Message[]>> = {
  'connection errors (src/i18n/messages.ts)': Object.values(MESSAGES),
  'dashboard page (src/pages/dashboard/dashboard-text.ts)': Object.values(DASHBOARD_TEXT),
  'message sender (src/pages/common/sender-text.ts)': Object.values(SENDER_TEXT),
};

export function allMessages(): Message[] {
  return Object.values(MESSAGE_AREAS).flat();
}
