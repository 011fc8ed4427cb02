/**
 * The block catalogue: every MQTT block, in palette order. Scratch's getInfo(), the Blockly blocks,
 * both code generators and the block reference in the README are all derived from this list.
 * Adding a block = one file in definitions/ + one line here.
 */
import type { BlockSpec, Face } from './types';
import { connect } from './definitions/connect';
import { wifiConnect } from './definitions/wifiConnect';
import { setLastWill } from './definitions/setLastWill';
import { disconnect } from './definitions/disconnect';
import { isConnected } from './definitions/isConnected';
import { whenConnectionChanged } from './definitions/whenConnectionChanged';
import { lastError } from './definitions/lastError';
import { subscribe } from './definitions/subscribe';
import { unsubscribe } from './definitions/unsubscribe';
import { whenMessage } from './definitions/whenMessage';
import { message } from './definitions/message';
import { topic } from './definitions/topic';
import { lastMessageOn } from './definitions/lastMessageOn';
import { droppedMessages } from './definitions/droppedMessages';
import { publish } from './definitions/publish';
import { publishWithOptions } from './definitions/publishWithOptions';
import { jsonValue } from './definitions/jsonValue';
import { wait } from './definitions/wait';

export const CATALOGUE: readonly BlockSpec[] = [
  wifiConnect,
  connect,
  setLastWill,
  disconnect,
  isConnected,
  whenConnectionChanged,
  lastError,
  subscribe,
  unsubscribe,
  whenMessage,
  message,
  topic,
  lastMessageOn,
  droppedMessages,
  publish,
  publishWithOptions,
  jsonValue,
  wait,
];

/** The blocks one face shows, in palette order. */
export function blocksFor(face: Face): BlockSpec[] {
  return CATALOGUE.filter((block) => block.faces.includes(face));
}

export function findBlock(opcode: string): BlockSpec | undefined {
  return CATALOGUE.find((block) => block.opcode === opcode);
}
