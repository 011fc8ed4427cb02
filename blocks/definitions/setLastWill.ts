import type { BlockSpec } from '../types';

export const setLastWill: BlockSpec = {
  opcode: 'setLastWill',
  shape: 'command',
  text: {
    en: 'if I disconnect unexpectedly, publish [MESSAGE] to [TOPIC]',
    'zh-cn': '如果我意外断开，发布 [MESSAGE] 到 [TOPIC]',
  },
  args: {
    MESSAGE: { kind: 'text', default: 'offline' },
    TOPIC: { kind: 'text', default: 'classroom/status' },
  },
  faces: ['scratch', 'board'],
  help: {
    en: 'The "last will": the broker publishes it for you if the connection is lost without "disconnect". Use it before "connect".',
    'zh-cn': '"遗嘱消息"：如果连接不是通过 "断开连接" 结束的，服务器会替你发布它。请在 "连接" 之前使用。',
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
