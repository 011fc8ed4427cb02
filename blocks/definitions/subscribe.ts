import type { BlockSpec } from '../types';
import { QOS_MENU } from '../menus';
import { boardQos } from '../codegen';

export const subscribe: BlockSpec = {
  opcode: 'subscribe',
  shape: 'command',
  text: {
    id: 'mqtt.subscribe',
    default: 'subscribe to [TOPIC] QoS [QOS]',
    description: 'Text of the "subscribe to [TOPIC] QoS [QOS]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    TOPIC: { kind: 'text', default: 'classroom/#' },
    QOS: { kind: 'menu', menu: QOS_MENU, default: '0' },
  },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.subscribe.help',
    default: 'Asks the broker for messages on a topic; + matches one level, # all the rest. "when message received" hats subscribe by themselves: use this block to choose the QoS.',
    description: 'Tooltip of the "subscribe to [TOPIC] QoS [QOS]" block and its line in the block reference.',
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
