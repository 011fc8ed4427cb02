import type { BlockSpec } from '../types';
import { sameOnBoth, topicNameHint } from '../codegen';

/** Runs its script once per matching message, in arrival order; the topic is subscribed automatically. */
export const whenMessage: BlockSpec = {
  opcode: 'whenMessage',
  shape: 'hat',
  text: {
    id: 'mqtt.whenMessage',
    default: 'when message received on [TOPIC]',
    description: 'Text of the "when message received on [TOPIC]" hat block (starts a script). Keep each [NAME] (an input of the block) and place them where your language reads best.',
  },
  args: { TOPIC: { kind: 'text', default: 'classroom/test' } },
  faces: ['scratch', 'board'],
  help: {
    id: 'mqtt.whenMessage.help',
    default: 'Runs the script once for every message on the topic, in the order they arrive. Inside it, "message" and "topic" belong to that message.',
    description: 'Tooltip of the "when message received on [TOPIC]" block and its line in the block reference.',
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
