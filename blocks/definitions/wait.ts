import type { BlockSpec } from '../types';
import { sameOnBoth } from '../codegen';

/**
 * Boards only (Scratch has its own wait). A plain sleep would starve the connection: no messages,
 * no keep-alive ping. This wait keeps serving MQTT while it waits, so "forever: publish, wait 2"
 * stays connected and its hats keep running.
 */
export const wait: BlockSpec = {
  opcode: 'wait',
  shape: 'command',
  text: { en: 'wait [SECONDS] seconds', 'zh-cn': '等待 [SECONDS] 秒' },
  args: { SECONDS: { kind: 'number', default: 1 } },
  faces: ['board'],
  help: {
    en: 'Waits, while still receiving messages and keeping the connection alive.',
    'zh-cn': '等待一段时间，期间仍然接收消息并保持连接。',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('wait');
    return `wait(${ctx.number('SECONDS')})\n`;
  }),
};
