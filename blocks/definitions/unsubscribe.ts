import type { BlockSpec } from '../types';
import { sameOnBoth } from '../codegen';

export const unsubscribe: BlockSpec = {
  opcode: 'unsubscribe',
  shape: 'command',
  text: { en: 'unsubscribe from [TOPIC]', 'zh-cn': '取消订阅 [TOPIC]' },
  args: { TOPIC: { kind: 'text', default: 'classroom/#' } },
  faces: ['scratch', 'board'],
  help: { en: 'Stops the messages of a subscription.', 'zh-cn': '不再接收这个订阅的消息。' },
  // umqtt.simple has no UNSUBSCRIBE packet: on MicroPython the library stops delivering the topic and
  // leaves it out of the next reconnect's subscriptions (see src/generators/README.md).
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return `client.unsubscribe(${ctx.topic('TOPIC', 'filter')})\n`;
  }),
};
