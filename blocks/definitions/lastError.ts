import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const lastError: BlockSpec = {
  opcode: 'lastError',
  shape: 'reporter',
  text: {
    id: 'mqtt.lastError',
    default: 'connection error',
    description: 'Text of the "connection error" reporter block.',
  },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.lastError.help',
    default: 'What went wrong last, in plain words with what to do next; empty while all is well.',
    description: 'Tooltip of the "connection error" block and its line in the block reference.',
  },
  // A string attribute: the library writes plain words there; '' after a successful connect.
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return call('client.last_error');
  }),
};
