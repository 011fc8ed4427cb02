/**
 * The board editor's toolbox (JSON category toolbox): the MQTT category, each block with shadow
 * defaults from the catalogue, next to Blockly's own Logic, Loops, Math, Text and Variables.
 */
import { blocksFor } from '../../blocks/catalogue';
import { EXTENSION_COLOURS, EXTENSION_NAME } from '../../blocks/extension-info';
import { qualifiedOpcode, type ArgumentSpec, type BlockSpec, type Message } from '../../blocks/types';
import { textIn, translate, type Locale } from '../i18n/translate';

interface ToolboxBlock {
  kind: 'block';
  type: string;
  inputs?: Record<string, { shadow: { type: string; fields: Record<string, string | number> } }>;
  fields?: Record<string, string>;
}
interface ToolboxCategory {
  kind: 'category';
  name: string;
  colour?: string;
  categorystyle?: string;
  custom?: string;
  contents?: ToolboxBlock[];
}
export interface Toolbox {
  kind: 'categoryToolbox';
  contents: ToolboxCategory[];
}

/** Blockly's own categories, named as its demos name them. */
const categoryName = (key: string, english: string): Message => ({
  id: `mqtt.board.category.${key}`,
  default: english,
  description: `Name of Blockly's "${english}" block category in the board editor's toolbox.`,
});
export const CATEGORY_NAMES = {
  logic: categoryName('logic', 'Logic'),
  loops: categoryName('loops', 'Loops'),
  math: categoryName('math', 'Math'),
  text: categoryName('text', 'Text'),
  variables: categoryName('variables', 'Variables'),
  functions: categoryName('functions', 'Functions'),
} as const satisfies Record<string, Message>;

function shadowFor(arg: ArgumentSpec, locale: Locale): { type: string; fields: Record<string, string | number> } | undefined {
  if (arg.kind === 'text') {
    return { type: 'text', fields: { TEXT: arg.boardDefault ?? textIn(arg.default, locale) } };
  }
  if (arg.kind === 'number') {
    return { type: 'math_number', fields: { NUM: arg.default } };
  }
  return undefined;
}

export function toolboxBlock(spec: BlockSpec, locale: Locale): ToolboxBlock {
  const block: ToolboxBlock = { kind: 'block', type: qualifiedOpcode(spec) };
  for (const [name, arg] of Object.entries(spec.args)) {
    const shadow = shadowFor(arg, locale);
    if (shadow) {
      block.inputs = { ...block.inputs, [name]: { shadow } };
    } else if (arg.kind === 'menu') {
      block.fields = { ...block.fields, [name]: arg.default };
    }
  }
  return block;
}

const plain = (...types: string[]): ToolboxBlock[] => types.map((type) => ({ kind: 'block', type }));

export function boardToolbox(locale: Locale): Toolbox {
  const name = (key: keyof typeof CATEGORY_NAMES): string => translate(CATEGORY_NAMES[key], locale);
  return {
    kind: 'categoryToolbox',
    contents: [
      {
        kind: 'category',
        name: translate(EXTENSION_NAME, locale),
        colour: EXTENSION_COLOURS.primary,
        contents: blocksFor('board').map((spec) => toolboxBlock(spec, locale)),
      },
      {
        kind: 'category',
        name: name('logic'),
        categorystyle: 'logic_category',
        contents: plain('controls_if', 'logic_compare', 'logic_operation', 'logic_negate', 'logic_boolean'),
      },
      {
        kind: 'category',
        name: name('loops'),
        categorystyle: 'loop_category',
        contents: [
          {
            kind: 'block',
            type: 'controls_repeat_ext',
            inputs: { TIMES: { shadow: { type: 'math_number', fields: { NUM: 10 } } } },
          },
          ...plain('controls_whileUntil', 'controls_for', 'controls_flow_statements'),
        ],
      },
      {
        kind: 'category',
        name: name('math'),
        categorystyle: 'math_category',
        contents: plain('math_number', 'math_arithmetic', 'math_single', 'math_round', 'math_modulo', 'math_random_int', 'math_number_property'),
      },
      {
        kind: 'category',
        name: name('text'),
        categorystyle: 'text_category',
        contents: plain('text', 'text_join', 'text_length', 'text_isEmpty', 'text_indexOf', 'text_print', 'text_prompt_ext'),
      },
      { kind: 'category', name: name('variables'), categorystyle: 'variable_category', custom: 'VARIABLE' },
      { kind: 'category', name: name('functions'), categorystyle: 'procedure_category', custom: 'PROCEDURE' },
    ],
  };
}
