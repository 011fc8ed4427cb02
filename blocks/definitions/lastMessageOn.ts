import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const lastMessageOn: BlockSpec = {
  opcode: 'lastMessageOn',
  shape: 'reporter',
  text: { en: 'last message on [TOPIC]', 'zh-cn': '[TOPIC] 的最新消息' },
  args: { TOPIC: { kind: 'text', default: 'classroom/test' } },
  faces: ['scratch', 'board'],
  help: {
    en: 'The latest message received on exactly this topic, or empty if none yet (subscribe first).',
    'zh-cn': '这个主题最新收到的消息，还没有时为空（先订阅）。',
  },
  // A dict the library fills for every received message, keyed by exact topic.
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return call(`client.messages.get(${ctx.text('TOPIC')}, '')`);
  }),
};
