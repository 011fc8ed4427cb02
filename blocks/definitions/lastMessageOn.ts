import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const lastMessageOn: BlockSpec = {
  opcode: 'lastMessageOn',
  shape: 'reporter',
  text: {
    id: 'mqtt.lastMessageOn',
    default: 'last message on [TOPIC]',
    description: 'Text of the "last message on [TOPIC]" reporter block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: { TOPIC: { kind: 'text', default: 'classroom/test' } },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.lastMessageOn.help',
    default: 'The latest message received on exactly this topic, or empty if none yet (subscribe first).',
    description: 'Tooltip of the "last message on [TOPIC]" block and its line in the block reference.',
  },
  // A dict the library fills for every received message, keyed by exact topic.
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return call(`client.messages.get(${ctx.text('TOPIC')}, '')`);
  }),
};
