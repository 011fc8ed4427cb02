import type { BlockSpec } from '../types';
import { call, sameOnBoth } from '../codegen';

export const isConnected: BlockSpec = {
  opcode: 'isConnected',
  shape: 'boolean',
  text: { en: 'connected?', 'zh-cn': '已连接？' },
  args: {},
  faces: ['scratch', 'board'],
  help: { en: 'True while connected to the broker.', 'zh-cn': '与服务器保持连接时为真。' },
  // An attribute the library keeps up to date (set on CONNACK, cleared when the connection drops).
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    return call('client.connected');
  }),
};
