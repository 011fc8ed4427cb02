/**
 * Which Scratch blocks a board can run, and for the others, why not (in words a pupil understands).
 * The subset: events, control, operators, variables and lists, my blocks, say/think as print,
 * timer, ask/answer on the serial console, and the MQTT blocks. Nothing that needs the stage.
 */
import { findBlock } from '../../blocks/catalogue';
import type { Message } from '../../blocks/types';
import { SB3_TEXT } from './messages';

export const HAT_OPCODES = new Set([
  'event_whenflagclicked',
  'event_whenbroadcastreceived',
  'mqtt_whenMessage',
  'mqtt_whenConnectionChanged',
  'procedures_definition',
]);

/** Blocks that run (statements and reporters), besides the MQTT blocks with board code. */
const SUPPORTED = new Set([
  ...HAT_OPCODES,
  'event_broadcast', 'event_broadcastandwait',
  'control_wait', 'control_repeat', 'control_forever', 'control_if', 'control_if_else', 'control_wait_until',
  'control_repeat_until', 'control_stop',
  'operator_add', 'operator_subtract', 'operator_multiply', 'operator_divide', 'operator_random', 'operator_gt',
  'operator_lt', 'operator_equals', 'operator_and', 'operator_or', 'operator_not', 'operator_join',
  'operator_letter_of', 'operator_length', 'operator_contains', 'operator_mod', 'operator_round', 'operator_mathop',
  'data_variable', 'data_setvariableto', 'data_changevariableby', 'data_listcontents', 'data_addtolist',
  'data_deleteoflist', 'data_deletealloflist', 'data_insertatlist', 'data_replaceitemoflist', 'data_itemoflist',
  'data_itemnumoflist', 'data_lengthoflist', 'data_listcontainsitem',
  'procedures_call', 'procedures_prototype', 'argument_reporter_string_number', 'argument_reporter_boolean',
  'looks_say', 'looks_sayforsecs', 'looks_think', 'looks_thinkforsecs',
  'sensing_timer', 'sensing_resettimer', 'sensing_askandwait', 'sensing_answer',
  'mqtt_droppedMessages',
]);

/** Blocks that take turns with the other scripts (a wait, a loop round): their script is a task that yields. */
export const YIELDING_OPCODES = new Set([
  'control_wait', 'control_repeat', 'control_forever', 'control_wait_until', 'control_repeat_until',
  'event_broadcastandwait', 'looks_sayforsecs', 'looks_thinkforsecs',
]);

const INPUT_HATS = new Set([
  'event_whenkeypressed', 'event_whenthisspriteclicked', 'event_whenstageclicked', 'event_whenbackdropswitchesto',
  'event_whengreaterthan', 'event_whentouchingobject',
]);

export function isSupported(opcode: string): boolean {
  if (SUPPORTED.has(opcode)) return true;
  if (opcode.startsWith('mqtt_')) {
    const spec = findBlock(opcode.slice('mqtt_'.length));
    return spec !== undefined && spec.faces.includes('scratch') && spec.codegen !== undefined;
  }
  return false;
}

/** Why a block is outside the subset. */
export function whyUnsupported(opcode: string): Message {
  const category = opcode.split('_')[0];
  if (opcode.includes('clone')) return SB3_TEXT.reasonClones;
  if (INPUT_HATS.has(opcode)) return SB3_TEXT.reasonInput;
  switch (category) {
    case 'motion':
    case 'looks':
    case 'pen':
      return SB3_TEXT.reasonStage;
    case 'data':
      return SB3_TEXT.reasonStage; // show/hide variable and list: monitors on the stage
    case 'sound':
    case 'music':
      return SB3_TEXT.reasonSound;
    case 'sensing':
      return SB3_TEXT.reasonInput;
    case 'event':
    case 'control':
    case 'operator':
    case 'procedures':
    case 'argument':
    case 'mqtt':
      return SB3_TEXT.reasonOther;
    default:
      return SB3_TEXT.reasonExtension;
  }
}
