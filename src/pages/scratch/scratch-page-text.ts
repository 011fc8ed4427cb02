/**
 * Texts of the Scratch page around the editor (src/server/pages/scratch/index.html): the loading
 * line, the "not set up" explanation and the "could not start" report. The editor's own texts are
 * Scratch's; the board code view's are in board-code-text.ts.
 */
import type { TextTable } from '../common/page-text';

export type ScratchPageTextKey =
  | 'pageTitle'
  | 'loading'
  | 'notSetUp'
  | 'teacher'
  | 'setupStep'
  | 'meanwhile'
  | 'openTurboWarp'
  | 'addExtension'
  | 'withoutSandbox'
  | 'startPage'
  | 'problem'
  | 'problemAdvice';

/** Keys are the page's `data-text` names; `{name}` marks where a `data-slot="name"` element goes. */
export const SCRATCH_PAGE_TEXT: TextTable<ScratchPageTextKey> = {
  pageTitle: {
    id: 'mqtt.page.scratch.title',
    default: 'Scratch + MQTT',
    description: 'Scratch page of the classroom server: browser tab title. Scratch and MQTT are names.',
  },
  loading: {
    id: 'mqtt.page.scratch.loading',
    default: 'Loading the Scratch editor…',
    description: 'Scratch page: shown while the editor (a large file) loads.',
  },
  notSetUp: {
    id: 'mqtt.page.scratch.notSetUp',
    default: 'The Scratch editor is not set up on this server',
    description: 'Scratch page: heading shown when the editor files were never downloaded to the classroom server.',
  },
  teacher: {
    id: 'mqtt.page.scratch.teacher',
    default: 'Teacher:',
    description: 'Scratch page, not set up: bold start of the line addressed to the teacher. Keep the colon.',
  },
  setupStep: {
    id: 'mqtt.page.scratch.setupStep',
    default: 'in the mqtt-blocks folder run {command} (downloads about 150 MB once), then reload this page.',
    description: 'Scratch page, not set up: what the teacher does. {command} is the command "npm run setup:scratch-editor", shown as code.',
  },
  meanwhile: {
    id: 'mqtt.page.scratch.meanwhile',
    default: 'Meanwhile: use TurboWarp',
    description: 'Scratch page, not set up: heading of the steps for using the blocks in TurboWarp instead.',
  },
  openTurboWarp: {
    id: 'mqtt.page.scratch.openTurboWarp',
    default: 'Open {turbowarp} (or TurboWarp Desktop).',
    description: 'Scratch page, TurboWarp step 1. {turbowarp} is a link named TurboWarp to the online editor.',
  },
  addExtension: {
    id: 'mqtt.page.scratch.addExtension',
    default: 'Extensions (bottom left) → Custom Extension → URL: {url}',
    description: 'Scratch page, TurboWarp step 2: the menu path in TurboWarp, in the words of its own menus. {url} is the extension\'s address, shown as code.',
  },
  withoutSandbox: {
    id: 'mqtt.page.scratch.withoutSandbox',
    default: 'Tick “Run extension without sandbox”, then Load.',
    description: 'Scratch page, TurboWarp step 3, in the words of TurboWarp\'s custom extension dialog.',
  },
  startPage: {
    id: 'mqtt.page.scratch.startPage',
    default: 'More addresses on the start page',
    description: 'Scratch page, not set up: link to the classroom server\'s start page.',
  },
  problem: {
    id: 'mqtt.page.scratch.problem',
    default: 'The Scratch editor could not start',
    description: 'Scratch page: heading shown when loading the editor failed. The technical detail follows in code.',
  },
  problemAdvice: {
    id: 'mqtt.page.scratch.problemAdvice',
    default: 'Check that the classroom server is still running, then reload.',
    description: 'Scratch page: what to do when the editor could not start.',
  },
};
