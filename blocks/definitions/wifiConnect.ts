import type { BlockSpec } from '../types';

/** Boards only: a browser is already on the network. */
export const wifiConnect: BlockSpec = {
  opcode: 'wifiConnect',
  shape: 'command',
  text: { en: 'connect Wi-Fi [SSID] password [PASSWORD]', 'zh-cn': '连接 Wi-Fi [SSID] 密码 [PASSWORD]' },
  args: {
    SSID: { kind: 'text', default: 'classroom' },
    PASSWORD: { kind: 'text', default: '' },
  },
  faces: ['board'],
  help: {
    en: 'Joins the board to a Wi-Fi network and waits until it has an address.',
    'zh-cn': '让开发板连接 Wi-Fi，并等待获得地址。',
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
