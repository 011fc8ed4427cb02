import type { BlockSpec } from '../types';
import { sameOnBoth } from '../codegen';

export const publish: BlockSpec = {
  opcode: 'publish',
  shape: 'command',
  text: { en: 'publish [MESSAGE] to [TOPIC]', 'zh-cn': '发布 [MESSAGE] 到 [TOPIC]' },
  args: {
    MESSAGE: { kind: 'text', default: { en: 'hello', 'zh-cn': '你好' } },
    TOPIC: { kind: 'text', default: 'classroom/test' },
  },
  faces: ['scratch', 'board'],
  help: {
    en: 'Sends a message (QoS 0, not retained). Numbers and true/false are sent as their text.',
    'zh-cn': '发送一条消息（QoS 0，不保留）。数字和真/假以文字发送。',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return `client.publish(${ctx.topic('TOPIC', 'publish')}, ${ctx.text('MESSAGE')})\n`;
  }),
};
