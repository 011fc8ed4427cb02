/**
 * The Scratch section of mqtt_blocks.py (library/scratch.py): tasks, Scratch's casting and
 * comparison rules, broadcasts, lists. Appended to the board library for programs made from a
 * Scratch project, so the board editor's programs keep their library unchanged.
 */
import type { Locale } from '../../i18n/locales';
import { pythonString } from '../../generators/python-literal';
import { translate } from '../../i18n/translate';
import { SCRATCH_PY } from './python-sources';
import { SB3_TEXT } from '../messages';

/** What main.py may import from the section (public names of library/scratch.py). */
export const SCRATCH_RUNTIME_NAMES = [
  'num', 'to_text', 'to_bool', 'compare', 'equals', 'less', 'greater', 'divide', 'modulo', 'round_number', 'math_of',
  'pick_random', 'join', 'letter_of', 'length_of', 'contains', 'list_text', 'list_add', 'list_delete', 'list_insert',
  'list_replace', 'list_item', 'list_find', 'list_contains', 'timer', 'reset_timer', 'wait_seconds', 'wait_until', 'ask', 'answer',
  'when_flag', 'when_broadcast', 'when_message', 'when_connection', 'broadcast', 'broadcast_and_wait', 'times',
  'dropped_messages', 'stop_all', 'stop_other_scripts', 'run_scripts',
] as const;

/** The section's other top-level names: main.py's own names keep off them (one-file form shares the module). */
export const SCRATCH_PRIVATE_NAMES = [
  'math', 'random', 'QUEUE_BOUND', 'LIST_LIMIT', 'Task', 'Script', 'answer_text',
] as const;

const cache = new Map<Locale, string>();

export function scratchSection(locale: Locale): string {
  let text = cache.get(locale);
  if (text === undefined) {
    const line = `_T_SCRIPT_STOPPED = ${pythonString(translate(SB3_TEXT.scriptStopped, locale, { script: '%s', error: '%s' }))}`;
    text = SCRATCH_PY.replace(/^_T_SCRIPT_STOPPED = .*$/m, () => line);
    cache.set(locale, text);
  }
  return text;
}
