import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const lastError: BlockSpec = {
  opcode: 'lastError',
  shape: 'reporter',
  text: { en: 'connection error', 'zh-cn': '连接错误' },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    en: 'What went wrong last, in plain words with what to do next; empty while all is well.',
    'zh-cn': '最近出现的问题以及下一步该怎么做；一切正常时为空。',
  },
  // A string attribute: the library writes plain words there; '' after a successful connect.
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return call('client.last_error');
  }),
};
