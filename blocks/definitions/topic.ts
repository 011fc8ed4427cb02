import type { BlockSpec } from '../types';
import { atom, call, sameOnBoth } from '../codegen';

export const topic: BlockSpec = {
  opcode: 'topic',
  shape: 'reporter',
  text: {
    id: 'mqtt.topic',
    default: 'topic',
    description: 'Text of the "topic" reporter block.',
  },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.topic.help',
    default: 'The topic the message came on (useful with + and # hats).',
    description: 'Tooltip of the "topic" block and its line in the block reference.',
  },
  codegen: sameOnBoth((ctx) => {
    if (ctx.insideMessageHat()) {
      return atom('topic');
    }
    ctx.require('client');
    return call('client.topic');
  }),
};
