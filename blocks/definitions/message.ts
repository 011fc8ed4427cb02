import type { BlockSpec } from '../types';
import { atom, call, sameOnBoth } from '../codegen';

export const message: BlockSpec = {
  opcode: 'message',
  shape: 'reporter',
  text: { en: 'message', 'zh-cn': '消息' },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    en: 'The message text: inside a "when message received" script, that message; elsewhere the latest one.',
    'zh-cn': '消息内容：在 "当收到消息" 脚本里是那条消息，其他地方是最新收到的消息。',
  },
  // Inside a hat's script: the `msg` parameter of its function (that message, even while others
  // arrive: scripts run one at a time); elsewhere the client's latest message.
  codegen: sameOnBoth((ctx) => {
    if (ctx.insideMessageHat()) {
      return atom('msg');
    }
    ctx.require('client');
    return call('client.message');
  }),
};
