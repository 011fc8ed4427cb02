import type { BlockSpec } from '../types';
import { parseBoardUrl } from '../board-url';

/** Opens the connection. Live: waits (bounded) until connected or failed; boards: connects once Wi-Fi is up. */
export const connect: BlockSpec = {
  opcode: 'connect',
  shape: 'command',
  text: {
    id: 'mqtt.connect',
    default: 'connect to [URL] username [USERNAME] password [PASSWORD]',
    description: 'Text of the "connect to [URL] username [USERNAME] password [PASSWORD]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    URL: { kind: 'text', default: 'ws://localhost:8000/mqtt', boardDefault: 'mqtt://192.168.1.2:1883' },
    USERNAME: { kind: 'text', default: '' },
    PASSWORD: { kind: 'text', default: '' },
  },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.connect.help',
    default: 'Connects to an MQTT broker and waits until it is connected or has failed. In a browser use the broker\'s WebSocket address (ws:// or wss://); boards use mqtt://host:1883.',
    description: 'Tooltip of the "connect to [URL] username [USERNAME] password [PASSWORD]" block and its line in the block reference.',
  },
  // A typed URL is checked while generating (a WebSocket address is refused with an explanation);
  // a URL built from other blocks is checked by the board at run time (client.connect_url).
  // umqtt.simple takes the login with the server; paho-mqtt sets it first (username_pw_set).
  codegen: {
    micropython: (ctx) => {
      ctx.require('client');
      const login = ctx.literal('USERNAME') === '' ? '' : `, user=${ctx.text('USERNAME')}, password=${ctx.text('PASSWORD')}`;
      const literal = ctx.literal('URL');
      if (literal === undefined) {
        ctx.require('connect_url');
        return `client.connect_url(${ctx.text('URL')}${login})\n`;
      }
      const url = parseBoardUrl(literal);
      if (!url.ok) {
        return ctx.fail(url.error);
      }
      return `client.connect(${ctx.quote(url.host)}, port=${url.port}${login})\n`;
    },
    python: (ctx) => {
      ctx.require('client');
      const login = ctx.literal('USERNAME') === '' ? '' : `client.username_pw_set(${ctx.text('USERNAME')}, ${ctx.text('PASSWORD')})\n`;
      const literal = ctx.literal('URL');
      if (literal === undefined) {
        ctx.require('connect_url');
        return `${login}client.connect_url(${ctx.text('URL')})\n`;
      }
      const url = parseBoardUrl(literal);
      if (!url.ok) {
        return ctx.fail(url.error);
      }
      return `${login}client.connect(${ctx.quote(url.host)}, ${url.port})\n`;
    },
  },
};
