import type { BlockSpec } from '../types';

/** Boards only: a browser is already on the network. */
export const wifiConnect: BlockSpec = {
  opcode: 'wifiConnect',
  shape: 'command',
  text: {
    id: 'mqtt.wifiConnect',
    default: 'connect Wi-Fi [SSID] password [PASSWORD]',
    description: 'Text of the "connect Wi-Fi [SSID] password [PASSWORD]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    SSID: { kind: 'text', default: 'classroom' },
    PASSWORD: { kind: 'text', default: '' },
  },
  faces: ['board'],
  help: {
    id: 'mqtt.wifiConnect.help',
    default: 'Joins the board to a Wi-Fi network and waits until it has an address.',
    description: 'Tooltip of the "connect Wi-Fi [SSID] password [PASSWORD]" block and its line in the block reference.',
  },
  codegen: {
    micropython: (ctx) => {
      ctx.require('wifi_connect');
      return `wifi_connect(${ctx.text('SSID')}, ${ctx.text('PASSWORD')})\n`;
    },
    // A Raspberry Pi joins Wi-Fi through its own settings; the block stays harmless there.
    python: () => 'pass  # connect Wi-Fi: the Raspberry Pi joins Wi-Fi in its own network settings\n',
  },
};
