import type { BlockSpec } from '../types';
import { QOS_MENU, RETAIN_MENU } from '../menus';
import { boardQos } from '../codegen';

export const publishWithOptions: BlockSpec = {
  opcode: 'publishWithOptions',
  shape: 'command',
  text: {
    en: 'publish [MESSAGE] to [TOPIC] QoS [QOS] retain [RETAIN]',
    'zh-cn': '发布 [MESSAGE] 到 [TOPIC] QoS [QOS] 保留 [RETAIN]',
  },
  args: {
    MESSAGE: { kind: 'text', default: { en: 'hello', 'zh-cn': '你好' } },
    TOPIC: { kind: 'text', default: 'classroom/test' },
    QOS: { kind: 'menu', menu: QOS_MENU, default: '1' },
    RETAIN: { kind: 'menu', menu: RETAIN_MENU, default: 'no' },
  },
  faces: ['scratch', 'board'],
  help: {
    en: 'Sends a message with a delivery guarantee (QoS) and, with retain, the broker keeps it for everyone who subscribes later.',
    'zh-cn': '按选定的服务质量（QoS）发送消息；选择保留时，服务器会把它交给之后订阅的人。',
  },
  codegen: {
    micropython: (ctx) => {
      ctx.require('client');
      const { qos, comment } = boardQos(ctx.menu('QOS'), 'micropython');
      const retain = ctx.menu('RETAIN') === 'yes' ? 'True' : 'False';
      // umqtt.simple's order: retain, then qos; always by keyword (the third positional is retain).
      return `${comment}client.publish(${ctx.topic('TOPIC', 'publish')}, ${ctx.text('MESSAGE')}, retain=${retain}, qos=${qos})\n`;
    },
    python: (ctx) => {
      ctx.require('client');
      const retain = ctx.menu('RETAIN') === 'yes' ? 'True' : 'False';
      return `client.publish(${ctx.topic('TOPIC', 'publish')}, ${ctx.text('MESSAGE')}, qos=${ctx.menu('QOS')}, retain=${retain})\n`;
    },
  },
};
