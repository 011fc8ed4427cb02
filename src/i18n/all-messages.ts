/**
 * Every message of the project, one list per area: the completeness test checks each against every
 * locale file, and a translator's export reads them with their descriptions. An area that defines
 * messages adds its table here once (a message left out fails the test as an "id nobody defines").
 */
import { BOARD_URL_MESSAGES, CATALOGUE, EXTENSION_NAME, type Message } from '../../blocks';
import { CATEGORY_NAMES } from '../blockly/toolbox';
import { DOCS_MESSAGES } from '../docs/block-reference';
import { HEADER } from '../generators/assemble';
import { BLOCK_LABEL_MESSAGES } from '../generators/block-label';
import { LIBRARY_TEXTS } from '../generators/library/library-texts';
import { GENERATOR_MESSAGES } from '../generators/messages';
import { BOARD_MESSAGES, BOARD_TEXT, FILE_REFUSALS } from '../pages/board/board-text';
import { SENDER_TEXT } from '../pages/common/sender-text';
import { FEED_TEXT } from '../pages/common/feed-refusal';
import { SIMULATOR_TEXT } from '../pages/board/simulator/simulator-text';
import { CONNECTION_TEXT, TRANSPORT_TEXT } from '../pages/dashboard/connections/connection-text';
import { DASHBOARD_TEXT } from '../pages/dashboard/dashboard-text';
import { MONITOR_COUNTS, MONITOR_PAGE_TEXT, MONITOR_TEXT } from '../pages/monitor/monitor-text';
import { UPLOAD_PAGE_TEXT } from '../pages/board/upload/upload-page-text';
import { UPLOAD_TEXT } from '../upload/upload-messages';
import { SB3_TEXT } from '../sb3/messages';
import { SCRATCH_BLOCK_NAMES } from '../sb3/block-names';
import { BOARD_CODE_TEXT } from '../pages/scratch/board-code-text';
import { EXAMPLES_TEXT } from '../pages/common/examples-text';
import { COMMON_PAGE_TEXT } from '../pages/common/common-text';
import { HOME_TEXT } from '../pages/home/home-text';
import { SCRATCH_PAGE_TEXT } from '../pages/scratch/scratch-page-text';
import { BANNER_TEXT } from '../cli/banner';
import { CLI_TEXT } from '../cli/cli-text';
import { PARSE_ERROR_TEXT } from '../cli/parse-error-text';
import { REFUSAL_TEXT } from '../server/events/refusal-text';
import { SERVER_TEXT } from '../server/server-text';
import { HOST_TEXT } from '../scratch/host-text';
import { MESSAGES } from './messages';

/** Block texts, help, menu items and example values, read from the catalogue itself. */
function catalogueMessages(): Message[] {
  const found = new Map<string, Message>([[EXTENSION_NAME.id, EXTENSION_NAME]]);
  for (const block of CATALOGUE) {
    found.set(block.text.id, block.text).set(block.help.id, block.help);
    for (const arg of Object.values(block.args)) {
      if (arg.kind === 'menu') for (const item of arg.menu.items) if (item.text) found.set(item.text.id, item.text);
      // Shared values (one example message, one menu) are listed once.
      if (arg.kind === 'text' && typeof arg.default !== 'string') found.set(arg.default.id, arg.default);
    }
  }
  return [...found.values()];
}

export const MESSAGE_AREAS: Readonly<Record<string, readonly Message[]>> = {
  'extension host glue (src/scratch/host-text.ts)': Object.values(HOST_TEXT),
  'classroom server (src/server/server-text.ts)': Object.values(SERVER_TEXT),
  'refusal reasons, server terminal and dashboard (src/server/events/refusal-text.ts)': Object.values(REFUSAL_TEXT),
  'command line (src/cli/cli-text.ts, src/cli/banner.ts, src/cli/parse-error-text.ts)': [...Object.values(CLI_TEXT), ...Object.values(BANNER_TEXT), ...Object.values(PARSE_ERROR_TEXT)],
  'blocks (blocks/)': catalogueMessages(),
  'board addresses (blocks/board-url.ts)': Object.values(BOARD_URL_MESSAGES),
  'connection errors (src/i18n/messages.ts)': Object.values(MESSAGES),
  'dashboard page (src/pages/dashboard/dashboard-text.ts)': Object.values(DASHBOARD_TEXT),
  'dashboard connections (src/pages/dashboard/connections/connection-text.ts)': [
    ...Object.values(CONNECTION_TEXT),
    ...Object.values(TRANSPORT_TEXT),
  ],
  'message sender (src/pages/common/sender-text.ts)': Object.values(SENDER_TEXT),
  'refused live feeds (src/pages/common/feed-refusal.ts)': Object.values(FEED_TEXT),
  'board editor toolbox (src/blockly/toolbox.ts)': Object.values(CATEGORY_NAMES),
  'board code generation (src/generators/)': [...Object.values(GENERATOR_MESSAGES), ...Object.values(BLOCK_LABEL_MESSAGES), ...Object.values(HEADER)],
  'board library texts (src/generators/library/library-texts.ts)': Object.values(LIBRARY_TEXTS).flat(),
  'README block reference (src/docs/block-reference.ts)': Object.values(DOCS_MESSAGES),
  'board editor page (src/pages/board/board-text.ts)': [...Object.values(BOARD_TEXT), ...Object.values(BOARD_MESSAGES), ...Object.values(FILE_REFUSALS)],
  'message monitor (src/pages/monitor/monitor-text.ts)': [...Object.values(MONITOR_TEXT), ...Object.values(MONITOR_COUNTS), ...Object.values(MONITOR_PAGE_TEXT)],
  'upload to boards, USB and Wi-Fi (src/upload/upload-messages.ts)': Object.values(UPLOAD_TEXT),
  'Scratch project to board code (src/sb3/messages.ts, block-names.ts)': [...Object.values(SB3_TEXT), ...Object.values(SCRATCH_BLOCK_NAMES)],
  'Scratch page, board code view (src/pages/scratch/board-code-text.ts)': Object.values(BOARD_CODE_TEXT),
  'Scratch page around the editor (src/pages/scratch/scratch-page-text.ts)': Object.values(SCRATCH_PAGE_TEXT),
  'start page (src/pages/home/home-text.ts)': Object.values(HOME_TEXT),
  'texts every page shares (src/pages/common/common-text.ts)': Object.values(COMMON_PAGE_TEXT),
  'Examples menu of the Scratch and board pages (src/pages/common/examples-text.ts)': Object.values(EXAMPLES_TEXT),
  'board simulator (src/pages/board/simulator/simulator-text.ts)': Object.values(SIMULATOR_TEXT),
  'board page upload panel (src/pages/board/upload/upload-page-text.ts)': Object.values(UPLOAD_PAGE_TEXT),
};

export function allMessages(): Message[] {
  return Object.values(MESSAGE_AREAS).flat();
}
