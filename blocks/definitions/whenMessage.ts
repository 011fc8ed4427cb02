import type { BlockSpec } from '../types';

/** Runs its script once per matching message, in arrival order; the topic is subscribed automatically. */
export const whenMessage: BlockSpec = {
  opcode: 'whenMessage',
  shape: 'hat',
  text: { en: 'when message received on [TOPIC]', 'zh-cn': '当收到主题 [TOPIC] 的消息' },
  args: { TOPIC: { kind: 'text', default: 'classroom/test' } },
  faces: ['scratch', 'board'],
  help: {
    en: 'Runs the script once for every message on the topic, in the order they arrive. Inside it, "message" and "topic" belong to that message.',
    'zh-cn': '每收到一条该主题的消息就按到达顺序运行一次脚本。脚本里的 "消息" 和 "主题" 就是这条消息的。',
  },
};
