import type { BlockSpec } from '../types';
import { sameOnBoth, topicNameHint } from '../codegen';

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
  // The script becomes a function `on_message_<topic>(topic, msg)` handed to the client
  // (set_callback / message_callback_add); the library subscribes its filter after every connect
  // and calls it for each matching message (wildcards matched by the library, never eval).
  codegen: sameOnBoth((ctx) => {
    ctx.require('client');
    const literal = ctx.literal('TOPIC');
    ctx.registerHat('message', `on_message_${topicNameHint(literal ?? 'topic')}`, ctx.topic('TOPIC', 'filter'));
    return '';
  }),
};
