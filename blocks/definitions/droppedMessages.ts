import type { BlockSpec } from '../types';

/**
 * Makes overflow visible: a script too slow for its topic keeps the newest messages in a bounded
 * queue, and every message it had to drop is counted here.
 */
export const droppedMessages: BlockSpec = {
  opcode: 'droppedMessages',
  shape: 'reporter',
  text: { en: 'dropped messages', 'zh-cn': '丢弃的消息数' },
  args: {},
  faces: ['scratch'],
  help: {
    en: 'How many messages were dropped because a "when message received" script could not keep up (it keeps the newest 1000 waiting).',
    'zh-cn': '因 "当收到消息" 脚本处理不过来而被丢弃的消息数（每个脚本最多保留最新的 1000 条等待处理）。',
  },
};
