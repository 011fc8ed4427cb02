import type { BlockSpec } from '../types';

export const setLastWill: BlockSpec = {
  opcode: 'setLastWill',
  shape: 'command',
  text: {
    id: 'mqtt.setLastWill',
    default: 'if I disconnect unexpectedly, publish [MESSAGE] to [TOPIC]',
    description: 'Text of the "if I disconnect unexpectedly, publish [MESSAGE] to [TOPIC]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    MESSAGE: { kind: 'text', default: 'offline' },
    TOPIC: { kind: 'text', default: 'classroom/status' },
  },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.setLastWill.help',
    default: 'The "last will": the broker publishes it for you if the connection is lost without "disconnect". Use it before "connect".',
    description: 'Tooltip of the "if I disconnect unexpectedly, publish [MESSAGE] to [TOPIC]" block and its line in the block reference.',
  },
  // Stored by the library and handed to the broker in every CONNECT (so also after a reconnect).
  codegen: {
    micropython: (ctx) => {
      ctx.require('client');
      return `client.set_last_will(${ctx.topic('TOPIC', 'publish')}, ${ctx.text('MESSAGE')})\n`;
    },
    python: (ctx) => {
      ctx.require('client');
      return `client.will_set(${ctx.topic('TOPIC', 'publish')}, ${ctx.text('MESSAGE')})\n`;
    },
  },
};
