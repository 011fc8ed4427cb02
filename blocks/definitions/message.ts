import type { BlockSpec } from '../types';
import { atom, call, sameOnBoth } from '../codegen';

export const message: BlockSpec = {
  opcode: 'message',
  shape: 'reporter',
  text: {
    id: 'mqtt.message',
    default: 'message',
    description: 'Text of the "message" reporter block.',
  },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.message.help',
    default: 'The message text: inside a "when message received" script, that message; elsewhere the latest one.',
    description: 'Tooltip of the "message" block and its line in the block reference.',
  },
  // Inside a hat's script: the `msg` parameter of its function (that message, even while others
  // arrive: scripts run one at a time); elsewhere the client's latest message.
  codegen: sameOnBoth((ctx) => {
    if (ctx.insideMessageHat()) {
      return atom('msg');
    }
    ctx.require('client');
    return call('client.message');
  }),
};
