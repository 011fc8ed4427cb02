/** What the board generators tell a pupil about a workspace file they cannot turn into code. */
import type { Message } from '../../blocks/types';

const fileProblem = (id: string, english: string, description: string): Message => ({ id: `mqtt.generate.${id}`, default: english, description });

export const GENERATOR_MESSAGES = {
  notBoardFile: fileProblem('notBoardFile', 'This is not a board editor file.', 'Error making board code from a file that is not a saved board-editor workspace.'),
  notWorkspace: fileProblem(
    'notWorkspace',
    'This is not a Blockly workspace file (bad JSON: {detail}).',
    "Error making board code from a file that is not JSON. {detail} is the JSON parser's reason, in English.",
  ),
  notObject: fileProblem('notObject', 'This is not a board editor file (it is not a JSON object).', 'Error making board code from a JSON file of the wrong shape.'),
  scratchProject: fileProblem(
    'scratchProject',
    'This is a Scratch project file, not a board editor file. Open it in Scratch, or build the program in the board editor.',
    'Error making board code from a Scratch project file.',
  ),
  noBlocks: fileProblem(
    'noBlocks',
    'This file has no blocks the board editor can read ("blocks" is not a list of blocks). Was it saved by the board editor?',
    'Error making board code: the file\'s "blocks" entry is damaged. Keep "blocks" as is (a name in the file).',
  ),
  noType: fileProblem(
    'noType',
    'A block in this file has no type ({json}). The file is damaged or comes from another tool.',
    'Error making board code: a block without a type. {json} is the start of that block\'s JSON.',
  ),
  unknownType: fileProblem(
    'unknownType',
    'Unknown block type {block}. The file may come from a newer mqtt-blocks or another editor: remove that block or update mqtt-blocks.',
    'Error making board code: a block this version does not know. {block} is its type name in quotes (maybe with its script).',
  ),
  tooDeep: fileProblem(
    'tooDeep',
    'Blocks are nested more than {max} deep at {block}. Python cannot run code nested that deep: use fewer blocks inside blocks (a function block helps).',
    'Error making board code: blocks inside blocks too deep. {max} is the limit, {block} the block where it happens.',
  ),
  inputsDamaged: fileProblem('inputsDamaged', 'The inputs of block {block} are damaged.', 'Error making board code: a block\'s inputs in the file are malformed. {block} names the block.'),
  inputDamaged: fileProblem('inputDamaged', 'An input of block {block} is damaged.', 'Error making board code: one input of a block in the file is malformed. {block} names the block.'),
  nextDamaged: fileProblem('nextDamaged', 'The block after {block} is damaged.', 'Error making board code: the block below another is malformed in the file. {block} names the block above it.'),
  cannotLoad: fileProblem(
    'cannotLoad',
    'The board editor cannot open this file: {detail}. A block may be in a place it does not fit (a stacking block inside a value slot).',
    "Error making board code: Blockly could not load the file. {detail} is Blockly's reason, in English.",
  ),
} as const satisfies Record<string, Message>;
