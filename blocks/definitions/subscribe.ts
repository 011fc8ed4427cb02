import type { BlockSpec } from '../types';
import { QOS_MENU } from '../menus';
import { boardQos } from '../codegen';

export const subscribe: BlockSpec = {
  opcode: 'subscribe',
  shape: 'command',
  text: { en: 'subscribe to [TOPIC] QoS [QOS]', 'zh-cn': '订阅 [TOPIC] QoS [QOS]' },
  args: {
    TOPIC: { kind: 'text', default: 'classroom/#' },
    QOS: { kind: 'menu', menu: QOS_MENU, default: '0' },
  },
  faces: ['scratch', 'board'],
  help: {
    en: 'Asks the broker for messages on a topic; + matches one level, # all the rest. "when message received" hats subscribe by themselves: use this block to choose the QoS.',
    'zh-cn': '向服务器订阅主题；+ 匹配一层，# 匹配其余所有层。"当收到消息" 积木会自动订阅，用这个积木可以选择 QoS。',
  },
  // Recorded in the library's subscription list, so a reconnect subscribes again.
  codegen: {
    micropython: (ctx) => {
      ctx.require('client');
      const { qos, comment } = boardQos(ctx.menu('QOS'), 'micropython');
      return `${comment}client.subscribe(${ctx.topic('TOPIC', 'filter')}, qos=${qos})\n`;
    },
    python: (ctx) => {
      ctx.require('client');
      return `client.subscribe(${ctx.topic('TOPIC', 'filter')}, qos=${ctx.menu('QOS')})\n`;
    },
  },
};
