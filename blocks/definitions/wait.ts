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
  text: {
    id: 'mqtt.wait',
    default: 'wait [SECONDS] seconds',
    description: 'Text of the "wait [SECONDS] seconds" command block. Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: { SECONDS: { kind: 'number', default: 1 } },
  faces: ['board'],
  help: {
    id: 'mqtt.wait.help',
    default: 'Waits, while still receiving messages and keeping the connection alive.',
    description: 'Tooltip of the "wait [SECONDS] seconds" block and its line in the block reference.',
  },
  codegen: sameOnBoth((ctx) => {
    ctx.require('wait');
    return `wait(${ctx.number('SECONDS')})\n`;
  }),
};
