import type { BlockSpec } from '../types';
import { sameOnBoth } from '../codegen';

export const disconnect: BlockSpec = {
  opcode: 'disconnect',
  shape: 'command',
  text: {
    id: 'mqtt.disconnect',
    default: 'disconnect',
    description: 'Text of the "disconnect" command block.',
  },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.disconnect.help',
    default: 'Closes the connection on purpose (the last will is not sent).',
    description: 'Tooltip of the "disconnect" block and its line in the block reference.',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return 'client.disconnect()\n';
  }),
};
