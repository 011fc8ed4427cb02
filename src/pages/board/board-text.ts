/** Texts of the board editor page itself (Blockly's and the blocks' texts come from src/blockly/). */
import type { Message } from '../../../blocks/types';
import type { TextTable } from '../common/page-text';

export type BoardTextKey =
  | 'pageTitle'
  | 'heading'
  | 'home'
  | 'monitorPage'
  | 'dashboardPage'
  | 'save'
  | 'saveTitle'
  | 'open'
  | 'openTitle'
  | 'codeTabs'
  | 'fileTabs'
  | 'tabMicropython'
  | 'tabPython'
  | 'copy'
  | 'download'
  | 'hintMicropython'
  | 'hintPython'
  | 'codeErrorTitle'
  | 'loading';

/** Keys are the page's `data-text` / `data-title` names (src/server/pages/board/index.html). */
export const BOARD_TEXT: TextTable<BoardTextKey> = {
  pageTitle: {
    id: 'mqtt.page.board.title',
    default: 'MQTT board editor',
    description: 'Board editor page: browser tab title.',
  },
  heading: {
    id: 'mqtt.page.board.heading',
    default: 'Board editor',
    description: 'Board editor page: main heading in the top bar.',
  },
  home: {
    id: 'mqtt.page.board.home',
    default: 'Classroom server',
    description: 'Board editor page: link back to the classroom server\'s start page.',
  },
  monitorPage: {
    id: 'mqtt.page.board.monitorPage',
    default: 'Big monitor',
    description: 'Board editor page: link opening the full-screen message monitor for the class.',
  },
  dashboardPage: {
    id: 'mqtt.page.board.dashboardPage',
    default: 'Dashboard',
    description: 'Board editor page: link opening the classroom dashboard (live charts, controls, connections).',
  },
  save: {
    id: 'mqtt.page.board.save',
    default: 'Save',
    description: 'Board editor page: button saving the blocks to a file.',
  },
  saveTitle: {
    id: 'mqtt.page.board.saveTitle',
    default: 'Save your blocks to a .json file',
    description: 'Board editor page: tooltip of the Save button.',
  },
  open: {
    id: 'mqtt.page.board.open',
    default: 'Open',
    description: 'Board editor page: button opening blocks saved in a file.',
  },
  openTitle: {
    id: 'mqtt.page.board.openTitle',
    default: 'Open blocks saved in a .json file',
    description: 'Board editor page: tooltip of the Open button.',
  },
  codeTabs: {
    id: 'mqtt.page.board.codeTabs',
    default: 'Generated code',
    description: 'Board editor page: label of the tabs showing the generated program.',
  },
  fileTabs: {
    id: 'mqtt.page.board.fileTabs',
    default: 'Files of the program',
    description: 'Board editor page: label (for screen readers) of the tabs main.py / mqtt_blocks.py inside the code panel.',
  },
  tabMicropython: {
    id: 'mqtt.page.board.tabMicropython',
    default: 'MicroPython',
    description: 'Board editor page: tab with the MicroPython program (a product name; keep it).',
  },
  tabPython: {
    id: 'mqtt.page.board.tabPython',
    default: 'Python (Raspberry Pi)',
    description: 'Board editor page: tab with the Python program for a Raspberry Pi.',
  },
  copy: {
    id: 'mqtt.page.board.copy',
    default: 'Copy',
    description: 'Board editor page: button copying the generated code.',
  },
  download: {
    id: 'mqtt.page.board.download',
    default: 'Download the files',
    description: 'Board editor page: button downloading the generated program\'s files (main.py and the library mqtt_blocks.py).',
  },
  hintMicropython: {
    id: 'mqtt.page.board.hintMicropython',
    default: 'For ESP32 / ESP8266 boards: save both files on the board, main.py and mqtt_blocks.py beside it (for example with Thonny).',
    description: 'Board editor page: how to use the MicroPython program. main.py and mqtt_blocks.py are file names, Thonny an editor\'s name: keep them.',
  },
  hintPython: {
    id: 'mqtt.page.board.hintPython',
    default: 'For a Raspberry Pi: install paho-mqtt (sudo apt install python3-paho-mqtt), put main.py and mqtt_blocks.py in one folder, then run python3 main.py.',
    description: 'Board editor page: how to run the Python program on a Raspberry Pi. Keep the commands as they are.',
  },
  codeErrorTitle: {
    id: 'mqtt.page.board.codeErrorTitle',
    default: 'The code cannot be made yet:',
    description: 'Board editor page: heading above the reason why no code can be generated.',
  },
  loading: {
    id: 'mqtt.page.board.loading',
    default: 'Loading the editor… If this message stays, the editor has not been built: run "npm run build" in the mqtt-blocks folder, then reload.',
    description: 'Board editor page: shown while the editor loads, and what the teacher does if it never does.',
  },
};

/** Notices and notes; `{name}` marks a value (file names, addresses, error text). */
export const BOARD_MESSAGES = {
  copied: {
    id: 'mqtt.page.board.copied',
    default: 'Copied!',
    description: 'Board editor page: the generated code was copied to the clipboard.',
  },
  copyFailed: {
    id: 'mqtt.page.board.copyFailed',
    default: 'Could not copy: select the code and press Ctrl+C.',
    description: 'Board editor page: copying to the clipboard failed.',
  },
  opened: {
    id: 'mqtt.page.board.opened',
    default: 'Opened "{name}".',
    description: 'Board editor page: a saved file was opened. {name} is the file name.',
  },
  notOpened: {
    id: 'mqtt.page.board.notOpened',
    default: 'Could not open "{name}": {reason} Your blocks were not changed.',
    description: 'Board editor page: a file could not be opened. {name} is the file name, {reason} one of the "file refused" reasons (a sentence ending in a full stop).',
  },
  tooBig: {
    id: 'mqtt.page.board.file.tooBig',
    default: 'the file is too big to be a block program.',
    description: 'Board editor page, reason a file was refused (inserted after "Could not open ...:"): the file is far too big.',
  },
  restoreFailed: {
    id: 'mqtt.page.board.restoreFailed',
    default: 'The blocks from your last visit could not be restored; a copy was kept in this browser. Starting with an empty workspace.',
    description: 'Board editor page: the automatically kept blocks of the last visit did not load.',
  },
  autosaveFailed: {
    id: 'mqtt.page.board.autosaveFailed',
    default: 'This browser cannot keep your blocks automatically: use Save to keep them in a file.',
    description: 'Board editor page: the browser refuses to store the blocks (private mode, full). "Save" is the Save button.',
  },
  brokerLan: {
    id: 'mqtt.page.board.brokerLan',
    default: 'Boards connect to {url} (already filled in the connect block).',
    description: 'Board editor page: the classroom broker address boards use. {url} is that address.',
  },
  brokerLocal: {
    id: 'mqtt.page.board.brokerLocal',
    default: 'The classroom server only accepts this computer ({url}). For boards, start it with --lan.',
    description: 'Board editor page: the classroom server was started for this computer only. {url} is its address; --lan is a command option, keep it.',
  },
  generatorBug: {
    id: 'mqtt.page.board.generatorBug',
    default: 'Something went wrong while making the code ({detail}). Please tell your teacher.',
    description: 'Board editor page: an unexpected error in code generation. {detail} is the technical reason in English.',
  },
  damaged: {
    id: 'mqtt.page.board.file.damagedDetail',
    default: 'its blocks are damaged ({detail}).',
    description: 'Board editor page, reason a file was refused: the editor could not load its blocks. {detail} is the technical reason in English.',
  },
} as const satisfies Record<string, Message>;

/** Why a file is not opened; shown inside BOARD_MESSAGES.notOpened as its {reason}. */
export const FILE_REFUSALS = {
  notJson: {
    id: 'mqtt.page.board.file.notJson',
    default: 'it is not a saved block program (not JSON text).',
    description: 'Board editor page, reason a file was refused (inserted after "Could not open ...:"): the file is not JSON.',
  },
  notProgram: {
    id: 'mqtt.page.board.file.notProgram',
    default: 'it is not a saved block program.',
    description: 'Board editor page, reason a file was refused: JSON, but not a block program.',
  },
  scratchProject: {
    id: 'mqtt.page.board.file.scratchProject',
    default: 'it is a Scratch project. Open it in the Scratch editor instead.',
    description: 'Board editor page, reason a file was refused: it is a Scratch project.',
  },
  noBlocks: {
    id: 'mqtt.page.board.file.noBlocks',
    default: 'it does not contain any blocks.',
    description: 'Board editor page, reason a file was refused: it has no blocks.',
  },
  damaged: {
    id: 'mqtt.page.board.file.damaged',
    default: 'its blocks are damaged.',
    description: 'Board editor page, reason a file was refused: its blocks are malformed.',
  },
  unknownBlocks: {
    id: 'mqtt.page.board.file.unknownBlocks',
    default: 'it uses blocks this editor does not have ({types}). It may come from another editor or a newer mqtt-blocks.',
    description: 'Board editor page, reason a file was refused: it has blocks this editor does not know. {types} lists their type names.',
  },
} as const satisfies Record<string, Message>;
