import type { BlockSpec } from '../types';
import { EXAMPLE_MESSAGE } from '../texts';
import { QOS_MENU, RETAIN_MENU } from '../menus';
import { boardQos } from '../codegen';

export const publishWithOptions: BlockSpec = {
  opcode: 'publishWithOptions',
  shape: 'command',
  text: {
    id: 'mqtt.publishWithOptions',
    default: 'publish [MESSAGE] to [TOPIC] QoS [QOS] retain [RETAIN]',
    description: 'Text of the "publish [MESSAGE] to [TOPIC] QoS [QOS] retain [RETAIN]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    MESSAGE: { kind: 'text', default: EXAMPLE_MESSAGE },
    TOPIC: { kind: 'text', default: 'classroom/test' },
    QOS: { kind: 'menu', menu: QOS_MENU, default: '1' },
    RETAIN: { kind: 'menu', menu: RETAIN_MENU, default: 'no' },
  },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.publishWithOptions.help',
    default: 'Sends a message with a delivery guarantee (QoS) and, with retain, the broker keeps it for everyone who subscribes later.',
    description: 'Tooltip of the "publish [MESSAGE] to [TOPIC] QoS [QOS] retain [RETAIN]" block and its line in the block reference.',
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
