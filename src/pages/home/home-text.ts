/** Texts of the classroom server's start page (src/server/pages/index.html). */
import type { TextTable } from '../common/page-text';

export type HomeTextKey =
  | 'pageTitle'
  | 'heading'
  | 'running'
  | 'scratch'
  | 'scratchAbout'
  | 'board'
  | 'boardAbout'
  | 'monitor'
  | 'monitorAbout'
  | 'dashboard'
  | 'dashboardAbout'
  | 'addresses'
  | 'extensionUrl'
  | 'websocketUrl'
  | 'tcpAddress'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'authNote'
  | 'boardsNote';

/** Keys are the page's `data-text` names. */
export const HOME_TEXT: TextTable<HomeTextKey> = {
  pageTitle: {
    id: 'mqtt.page.home.title',
    default: 'MQTT Blocks classroom server',
    description: 'Start page of the classroom server: browser tab title.',
  },
  heading: {
    id: 'mqtt.page.home.heading',
    default: 'MQTT Blocks',
    description: 'Start page: main heading, the product name.',
  },
  running: {
    id: 'mqtt.page.home.running',
    default: 'The classroom server is running. Choose what to open:',
    description: 'Start page: line under the heading, before the four cards (Scratch editor, board editor, monitor, dashboard).',
  },
  scratch: {
    id: 'mqtt.page.home.scratch',
    default: 'Scratch editor',
    description: 'Start page: card title, link to the Scratch 3 editor with the MQTT blocks.',
  },
  scratchAbout: {
    id: 'mqtt.page.home.scratchAbout',
    default: 'Make a stage program that talks MQTT.',
    description: 'Start page: what the Scratch editor card is for.',
  },
  board: {
    id: 'mqtt.page.home.board',
    default: 'Board editor',
    description: 'Start page: card title, link to the block editor that makes MicroPython / Python code for boards.',
  },
  boardAbout: {
    id: 'mqtt.page.home.boardAbout',
    default: 'Blocks to MicroPython / Python for ESP32 and Raspberry Pi.',
    description: 'Start page: what the board editor card is for.',
  },
  monitor: {
    id: 'mqtt.page.home.monitor',
    default: 'Message monitor',
    description: 'Start page: card title, link to the big-screen list of every message.',
  },
  monitorAbout: {
    id: 'mqtt.page.home.monitorAbout',
    default: 'Every message in the classroom, live.',
    description: 'Start page: what the message monitor card is for.',
  },
  dashboard: {
    id: 'mqtt.page.home.dashboard',
    default: 'Dashboard',
    description: 'Start page: card title, link to the classroom dashboard.',
  },
  dashboardAbout: {
    id: 'mqtt.page.home.dashboardAbout',
    default: 'Live charts of the class\'s readings, controls, who is connected.',
    description: 'Start page: what the dashboard card is for.',
  },
  addresses: {
    id: 'mqtt.page.home.addresses',
    default: 'Addresses to copy',
    description: 'Start page: heading of the section listing the addresses pupils type into TurboWarp, blocks and boards.',
  },
  extensionUrl: {
    id: 'mqtt.page.home.extensionUrl',
    default: 'TurboWarp custom extension URL',
    description: 'Start page: label of the address to paste into TurboWarp\'s "Custom Extension" dialog.',
  },
  websocketUrl: {
    id: 'mqtt.page.home.websocketUrl',
    default: 'Broker for browsers (the "connect" block)',
    description: 'Start page: label of the WebSocket address to type into the "connect" block.',
  },
  tcpAddress: {
    id: 'mqtt.page.home.tcpAddress',
    default: 'Broker for boards (server, port)',
    description: 'Start page: label of the host and port boards connect to (MQTT over TCP).',
  },
  copy: {
    id: 'mqtt.page.home.copy',
    default: 'Copy',
    description: 'Start page: button copying the address beside it.',
  },
  copied: {
    id: 'mqtt.page.home.copied',
    default: 'Copied',
    description: 'Start page: shown for a moment on the copy button after the address was copied.',
  },
  copyFailed: {
    id: 'mqtt.page.home.copyFailed',
    default: 'Select it and copy',
    description: 'Start page: shown on the copy button when the browser does not allow copying (for example on an http page of another computer); the address is selected instead.',
  },
  authNote: {
    id: 'mqtt.page.home.authNote',
    default: 'This server asks for the username and password your teacher gave you.',
    description: 'Start page: note shown when the server runs with --lan and wants a username and password.',
  },
  boardsNote: {
    id: 'mqtt.page.home.boardsNote',
    default: 'Boards cannot use a browser address: they connect over plain MQTT (TCP), browsers over WebSocket.',
    description: 'Start page: why boards and browsers have different addresses.',
  },
};
