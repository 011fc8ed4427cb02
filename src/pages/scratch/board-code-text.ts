/**
 * Texts of the Scratch page's "Board code" view (board-code-view.ts): the Scratch project as
 * main.py for a board. Chinese is in src/i18n/locales/zh-cn.json under the same ids.
 */
import type { Message } from '../../../blocks/types';

export const BOARD_CODE_TEXT = {
  open: {
    id: 'mqtt.page.scratch.boardCode.open',
    default: 'Board code',
    description: 'Scratch page: button that shows the open project as board code (main.py).',
  },
  heading: {
    id: 'mqtt.page.scratch.boardCode.heading',
    default: 'This project as board code',
    description: 'Scratch page: title of the board code view.',
  },
  intro: {
    id: 'mqtt.page.scratch.boardCode.intro',
    default: 'Every script becomes a task on the board, taking turns as on the stage. Put main.py and mqtt_blocks.py on the board, or upload them below.',
    description: 'Scratch page: one line under the title of the board code view.',
  },
  target: {
    id: 'mqtt.page.scratch.boardCode.target',
    default: 'Board',
    description: 'Scratch page: label of the choice between a MicroPython board and a Raspberry Pi.',
  },
  targetMicropython: {
    id: 'mqtt.page.scratch.boardCode.targetMicropython',
    default: 'ESP32 / ESP8266 (MicroPython)',
    description: 'Scratch page: choice for MicroPython boards.',
  },
  targetPython: {
    id: 'mqtt.page.scratch.boardCode.targetPython',
    default: 'Raspberry Pi (Python)',
    description: 'Scratch page: choice for a Raspberry Pi or computer with Python.',
  },
  broker: {
    id: 'mqtt.page.scratch.boardCode.broker',
    default: 'Broker address for the board',
    description: 'Scratch page: label of the address the board connects to (mqtt://host:1883).',
  },
  skip: {
    id: 'mqtt.page.scratch.boardCode.skip',
    default: 'Leave out scripts a board cannot run',
    description: 'Scratch page: checkbox; the code is made without the scripts listed as unsupported.',
  },
  refresh: {
    id: 'mqtt.page.scratch.boardCode.refresh',
    default: 'Make the code again',
    description: 'Scratch page: button that generates the code again after the pupil changed blocks.',
  },
  downloadMain: {
    id: 'mqtt.page.scratch.boardCode.downloadMain',
    default: 'Download main.py',
    description: 'Scratch page: button that saves main.py.',
  },
  downloadLibrary: {
    id: 'mqtt.page.scratch.boardCode.downloadLibrary',
    default: 'Download mqtt_blocks.py',
    description: 'Scratch page: button that saves the library main.py needs.',
  },
  downloadOneFile: {
    id: 'mqtt.page.scratch.boardCode.downloadOneFile',
    default: 'Download as one file',
    description: 'Scratch page: button that saves main.py with the library inside (runs as it is).',
  },
  close: {
    id: 'mqtt.page.scratch.boardCode.close',
    default: 'Close',
    description: 'Scratch page: closes the board code view.',
  },
  codeLabel: {
    id: 'mqtt.page.scratch.boardCode.codeLabel',
    default: 'main.py for the board',
    description: 'Scratch page: accessible name of the box showing the generated main.py.',
  },
  problem: {
    id: 'mqtt.page.scratch.boardCode.problem',
    default: 'No board code yet: {problem}',
    description: 'Scratch page: the project cannot become board code; {problem} says why.',
  },
} as const satisfies Record<string, Message>;
