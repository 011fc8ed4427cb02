/**
 * How a pupil knows a Scratch block: its words in the editor's palette, in the pupil's language,
 * used when a report names a block. MQTT blocks take their words from the catalogue; a block missing
 * here is named by its opcode.
 */
import { findBlock } from '../../blocks/catalogue';
import type { Message, TextPerLocale } from '../../blocks/types';
import { isLocale, type Locale } from '../i18n/locales';
import { translate } from '../i18n/translate';

/**
 * Scratch's own words for its blocks (Scratch 3's English palette); other languages in
 * src/i18n/locales under `mqtt.sb3.scratchBlock.<opcode with dots>`, in the words of Scratch's own
 * palette in that language, so a pupil finds the block they see.
 */
const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  event_whenflagclicked: 'when green flag clicked',
  event_whenbroadcastreceived: 'when I receive',
  event_broadcast: 'broadcast',
  event_broadcastandwait: 'broadcast and wait',
  event_whenkeypressed: 'when key pressed',
  event_whenthisspriteclicked: 'when this sprite clicked',
  event_whenstageclicked: 'when stage clicked',
  event_whenbackdropswitchesto: 'when backdrop switches to',
  event_whengreaterthan: 'when loudness / timer >',
  control_wait: 'wait seconds',
  control_repeat: 'repeat',
  control_forever: 'forever',
  control_if: 'if then',
  control_if_else: 'if then else',
  control_wait_until: 'wait until',
  control_repeat_until: 'repeat until',
  control_stop: 'stop',
  control_start_as_clone: 'when I start as a clone',
  control_create_clone_of: 'create clone of',
  control_delete_this_clone: 'delete this clone',
  operator_random: 'pick random',
  operator_and: 'and',
  operator_or: 'or',
  operator_not: 'not',
  operator_join: 'join',
  operator_letter_of: 'letter of',
  operator_length: 'length of',
  operator_contains: 'contains',
  operator_mod: 'mod',
  operator_round: 'round',
  operator_mathop: 'of (abs, sqrt, sin...)',
  data_setvariableto: 'set variable to',
  data_changevariableby: 'change variable by',
  data_showvariable: 'show variable',
  data_hidevariable: 'hide variable',
  data_addtolist: 'add to list',
  data_deleteoflist: 'delete of list',
  data_deletealloflist: 'delete all of list',
  data_insertatlist: 'insert at of list',
  data_replaceitemoflist: 'replace item of list',
  data_itemoflist: 'item of list',
  data_itemnumoflist: 'item # of in list',
  data_lengthoflist: 'length of list',
  data_listcontainsitem: 'list contains?',
  data_showlist: 'show list',
  data_hidelist: 'hide list',
  procedures_definition: 'define (my block)',
  procedures_call: 'my block',
  looks_say: 'say',
  looks_sayforsecs: 'say for seconds',
  looks_think: 'think',
  looks_thinkforsecs: 'think for seconds',
  looks_switchcostumeto: 'switch costume to',
  looks_nextcostume: 'next costume',
  looks_switchbackdropto: 'switch backdrop to',
  looks_show: 'show',
  looks_hide: 'hide',
  looks_changesizeby: 'change size by',
  looks_setsizeto: 'set size to',
  looks_changeeffectby: 'change effect by',
  looks_seteffectto: 'set effect to',
  looks_costumenumbername: 'costume number',
  motion_movesteps: 'move steps',
  motion_turnright: 'turn right degrees',
  motion_turnleft: 'turn left degrees',
  motion_goto: 'go to',
  motion_gotoxy: 'go to x: y:',
  motion_glidesecstoxy: 'glide secs to x: y:',
  motion_pointindirection: 'point in direction',
  motion_changexby: 'change x by',
  motion_setx: 'set x to',
  motion_changeyby: 'change y by',
  motion_sety: 'set y to',
  motion_ifonedgebounce: 'if on edge, bounce',
  motion_xposition: 'x position',
  motion_yposition: 'y position',
  sound_play: 'start sound',
  sound_playuntildone: 'play sound until done',
  sensing_timer: 'timer',
  sensing_resettimer: 'reset timer',
  sensing_askandwait: 'ask and wait',
  sensing_answer: 'answer',
  sensing_keypressed: 'key pressed?',
  sensing_mousedown: 'mouse down?',
  sensing_touchingobject: 'touching?',
  sensing_mousex: 'mouse x',
  sensing_mousey: 'mouse y',
  pen_clear: 'erase all',
  pen_penDown: 'pen down',
  pen_penUp: 'pen up',
};

/** Blocks named by their symbol, the same in every language. */
const SYMBOLS: Readonly<Record<string, string>> = {
  operator_add: '+',
  operator_subtract: '-',
  operator_multiply: '*',
  operator_divide: '/',
  operator_gt: '>',
  operator_lt: '<',
  operator_equals: '=',
};

/** One message per Scratch block (the completeness test checks every language has them). */
export const SCRATCH_BLOCK_NAMES: Readonly<Record<string, Message>> = Object.fromEntries(
  Object.entries(ENGLISH_NAMES).map(([opcode, english]) => [
    opcode,
    {
      id: `mqtt.sb3.scratchBlock.${opcode.split('_').join('.')}`,
      default: english,
      description: `The Scratch block ${opcode} as Scratch's own palette names it (its words without the inputs), so a pupil finds it in a list of blocks a board cannot run.`,
    },
  ]),
);

/** The block's words in a locale, e.g. "move steps" / "移动步", or "publish [MESSAGE] to [TOPIC]". */
export function scratchBlockName(opcode: string, locale: Locale): string {
  if (opcode.startsWith('mqtt_')) {
    const spec = findBlock(opcode.slice('mqtt_'.length));
    if (spec) return translate(spec.text, locale).replace(/\[[A-Z_]+\]/g, '( )').replace(/\s+/g, ' ').trim();
  }
  const name = SCRATCH_BLOCK_NAMES[opcode];
  return name === undefined ? (SYMBOLS[opcode] ?? opcode) : translate(name, locale);
}

export function scratchBlockNames(opcode: string): TextPerLocale {
  return (locale) => scratchBlockName(opcode, isLocale(locale) ? locale : 'en');
}
