import type { BlockSpec } from '../types';
import { atom, sameOnBoth } from '../codegen';

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
  // The runtime sets it before it calls a hat's callback, so it is that message's text inside the
  // callback (callbacks run one at a time) and the latest message elsewhere.
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return atom('mqtt_message');
  }),
};
