import type { BlockSpec } from '../types';
import { atom, call, sameOnBoth } from '../codegen';

export const topic: BlockSpec = {
  opcode: 'topic',
  shape: 'reporter',
  text: { en: 'topic', 'zh-cn': '主题' },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    en: 'The topic the message came on (useful with + and # hats).',
    'zh-cn': '消息所在的主题（配合 + 和 # 使用很方便）。',
  },
  codegen: sameOnBoth((ctx) => {
    if (ctx.insideMessageHat()) {
      return atom('topic');
    }
    ctx.require('client');
    return call('client.topic');
  }),
};
