import type { BlockSpec } from '../types';
import { sameOnBoth } from '../codegen';

export const unsubscribe: BlockSpec = {
  opcode: 'unsubscribe',
  shape: 'command',
  text: {
    id: 'mqtt.unsubscribe',
    default: 'unsubscribe from [TOPIC]',
    description: 'Text of the "unsubscribe from [TOPIC]" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: { TOPIC: { kind: 'text', default: 'classroom/#' } },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.unsubscribe.help',
    default: 'Stops the messages of a subscription.',
    description: 'Tooltip of the "unsubscribe from [TOPIC]" block and its line in the block reference.',
  },
  // umqtt.simple has no UNSUBSCRIBE packet: on MicroPython the library stops delivering the topic and
  // leaves it out of the next reconnect's subscriptions (see src/generators/README.md).
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return `client.unsubscribe(${ctx.topic('TOPIC', 'filter')})\n`;
  }),
};
