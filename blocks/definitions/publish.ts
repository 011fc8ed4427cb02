import type { BlockSpec } from '../types';
import { EXAMPLE_MESSAGE } from '../texts';
import { sameOnBoth } from '../codegen';

export const publish: BlockSpec = {
  opcode: 'publish',
  shape: 'command',
  text: {
    id: 'mqtt.publish',
    default: 'publish [MESSAGE] to [TOPIC]',
    description: 'Text of the "publish [MESSAGE] to [TOPIC]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: {
    MESSAGE: { kind: 'text', default: EXAMPLE_MESSAGE },
    TOPIC: { kind: 'text', default: 'classroom/test' },
  },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.publish.help',
    default: 'Sends a message (QoS 0, not retained). Numbers and true/false are sent as their text.',
    description: 'Tooltip of the "publish [MESSAGE] to [TOPIC]" block and its line in the block reference.',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return `client.publish(${ctx.topic('TOPIC', 'publish')}, ${ctx.text('MESSAGE')})\n`;
  }),
};
