import type { BlockSpec } from '../types';

export const unsubscribe: BlockSpec = {
  opcode: 'unsubscribe',
  shape: 'command',
  text: { en: 'unsubscribe from [TOPIC]', 'zh-cn': '取消订阅 [TOPIC]' },
  args: { TOPIC: { kind: 'text', default: 'classroom/#' } },
  faces: ['scratch', 'board'],
  help: { en: 'Stops the messages of a subscription.', 'zh-cn': '不再接收这个订阅的消息。' },
};
