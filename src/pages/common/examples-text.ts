/**
 * The Examples / 示例 menu of the Scratch and board pages: the lesson pack's projects
 * (src/server/pages/examples/, served at /examples/). Chinese is in src/i18n/locales/zh-cn.json.
 */
import type { Message } from '../../../blocks/types';

export const EXAMPLES_TEXT = {
  examples: {
    id: 'mqtt.page.examples.open',
    default: 'Examples',
    description: 'Scratch and board pages: button that opens the list of example projects (the lesson pack).',
  },
  examplesHeading: {
    id: 'mqtt.page.examples.heading',
    default: 'Seed lesson: a thermometer and an LED',
    description: 'Scratch and board pages: title above the example projects of the seed lesson.',
  },
  exampleBoard: {
    id: 'mqtt.page.examples.board',
    default: 'Board: sends its temperature every 2 s, switches its LED on command',
    description: 'Scratch and board pages: example project for the board .',
  },
  examplePi: {
    id: 'mqtt.page.examples.pi',
    default: 'Raspberry Pi: prints every group\'s temperature (class1/+/temp)',
    description: 'Scratch and board pages: example project for the Raspberry Pi.',
  },
  exampleStage: {
    id: 'mqtt.page.examples.stage',
    default: 'Stage: shows the temperature; click the sprite to switch the LED',
    description: 'Scratch and board pages: example project that runs on the Scratch stage.',
  },
  exampleFailed: {
    id: 'mqtt.page.examples.failed',
    default: 'The example could not be opened ({detail}). Check that the classroom server is running, then try again.',
    description: 'Scratch and board pages: loading an example project failed.',
  },
} as const satisfies Record<string, Message>;
