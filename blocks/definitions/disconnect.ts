import type { BlockSpec } from '../types';
import { sameOnBoth } from '../codegen';

export const disconnect: BlockSpec = {
  opcode: 'disconnect',
  shape: 'command',
  text: { en: 'disconnect', 'zh-cn': '断开连接' },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    en: 'Closes the connection on purpose (the last will is not sent).',
    'zh-cn': '主动断开连接（不会发送遗嘱消息）。',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return 'client.disconnect()\n';
  }),
};
