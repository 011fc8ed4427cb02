import type { BlockSpec } from '../types';

/**
 * Makes overflow visible: a script too slow for its topic keeps the newest messages in a bounded
 * queue, and every message it had to drop is counted here.
 */
export const droppedMessages: BlockSpec = {
  opcode: 'droppedMessages',
  shape: 'reporter',
  text: {
    id: 'mqtt.droppedMessages',
    default: 'dropped messages',
    description: 'Text of the "dropped messages" reporter block.',
  },
  args: {},
  faces: ['scratch'],
  help: {
    id: 'mqtt.droppedMessages.help',
    default: 'How many messages were dropped because a "when message received" script could not keep up (it keeps the newest 1000 waiting).',
    description: 'Tooltip of the "dropped messages" block and its line in the block reference.',
  },
};
