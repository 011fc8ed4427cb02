import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const isConnected: BlockSpec = {
  opcode: 'isConnected',
  shape: 'boolean',
  text: {
    id: 'mqtt.isConnected',
    default: 'connected?',
    description: 'Text of the "connected?" boolean (true/false) block.',
  },
  args: {},
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.isConnected.help',
    default: 'True while connected to the broker.',
    description: 'Tooltip of the "connected?" block and its line in the block reference.',
  },
  // An attribute the library keeps up to date (set on CONNACK, cleared when the connection drops).
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return call('client.connected');
  }),
};
