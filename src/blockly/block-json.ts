/**
 * Blockly block JSON derived from the catalogue: `[ARG]` placeholders become `%n`, text and number
 * arguments value inputs (their `text` / `math_number` shadows live in the toolbox), menus dropdown
 * fields named like the argument. Hats have no previous connection; their script hangs on `next`.
 */
import { EXTENSION_COLOURS } from '../../blocks/extension-info';
import { placeholdersOf, qualifiedOpcode, type BlockSpec } from '../../blocks/types';
import { translate, type Locale } from '../i18n/translate';

export type BlockJson = Record<string, unknown> & { type: string };

/** Reporters whose value is always text: Blockly lets them plug into text-only inputs. */
const TEXT_REPORTERS = new Set(['message', 'topic', 'lastMessageOn', 'lastError']);

function argumentJson(spec: BlockSpec, name: string, locale: Locale): Record<string, unknown> {
  const arg = spec.args[name];
  if (!arg) {
    throw new Error(`Block ${spec.opcode}: text mentions [${name}] but it has no such argument`);
  }
  if (arg.kind === 'menu') {
    return {
      type: 'field_dropdown',
      name,
      options: arg.menu.items.map((item) => [item.text ? translate(item.text, locale) : item.value, item.value]),
    };
  }
  return { type: 'input_value', name };
}

export function blockJson(spec: BlockSpec, locale: Locale): BlockJson {
  const text = translate(spec.text, locale);
  let index = 0;
  const message0 = text.replace(/\[([A-Z_]+)\]/g, () => `%${++index}`);
  const json: BlockJson = {
    type: qualifiedOpcode(spec),
    message0,
    args0: placeholdersOf(text).map((name) => argumentJson(spec, name, locale)),
    colour: EXTENSION_COLOURS.primary,
    tooltip: translate(spec.help, locale),
    inputsInline: true,
  };
  switch (spec.shape) {
    case 'command':
      json.previousStatement = null;
      json.nextStatement = null;
      break;
    case 'hat':
      json.nextStatement = null;
      // A rounded top, as Scratch draws hats, so "when …" blocks read as the start of a script.
      json.style = { hat: 'cap' };
      break;
    case 'boolean':
      json.output = 'Boolean';
      break;
    case 'reporter':
      json.output = TEXT_REPORTERS.has(spec.opcode) ? 'String' : null;
      break;
  }
  return json;
}
