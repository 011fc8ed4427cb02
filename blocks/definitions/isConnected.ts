import type { BlockSpec } from '../types';

export const isConnected: BlockSpec = {
  opcode: 'isConnected',
  shape: 'boolean',
  text: { en: 'connected?', 'zh-cn': '已连接？' },
  args: {},
  faces: ['scratch', 'board'],
  help: { en: 'True while connected to the broker.', 'zh-cn': '与服务器保持连接时为真。' },
};
