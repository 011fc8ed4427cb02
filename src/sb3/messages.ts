/**
 * What a pupil or teacher reads when a Scratch project becomes board code: the CLI's report of
 * blocks a board cannot run, bad files, and the comments at the top of the generated main.py.
 * Chinese is in src/i18n/locales/zh-cn.json under the same ids.
 */
import type { Message } from '../../blocks/types';

export const SB3_TEXT = {
  unsupportedHeading: {
    id: 'mqtt.sb3.unsupported.heading',
    default: 'These blocks cannot run on a board ({count}):',
    description: 'CLI, Scratch page: heading above the list of blocks outside the board subset. {count} is how many.',
  },
  unsupportedLine: {
    id: 'mqtt.sb3.unsupported.line',
    default: '{sprite}, script "{script}": "{block}" {reason}',
    description: 'One unsupported block: {sprite} is the sprite name, {script} the script\'s first block, {block} the block, {reason} why.',
  },
  unsupportedFixOrSkip: {
    id: 'mqtt.sb3.unsupported.fixOrSkip',
    default: 'Remove or change these scripts, or add --skip-unsupported to make the board code without them.',
    description: 'CLI: what to do after the list of unsupported blocks (no code was written).',
  },
  unsupportedSkipped: {
    id: 'mqtt.sb3.unsupported.skipped',
    default: 'The board code was made without these scripts.',
    description: 'CLI, Scratch page: the code was generated leaving out the scripts listed above.',
  },
  reasonStage: {
    id: 'mqtt.sb3.reason.stage',
    default: 'needs the stage (a board has no stage to show sprites on).',
    description: 'Why a block cannot run on a board: motion, looks, pen and similar blocks draw on the stage.',
  },
  reasonSound: {
    id: 'mqtt.sb3.reason.sound',
    default: 'plays sound on the computer; a board cannot play it.',
    description: 'Why a sound block cannot run on a board.',
  },
  reasonInput: {
    id: 'mqtt.sb3.reason.input',
    default: 'reads the mouse, keyboard or stage, which a board does not have.',
    description: 'Why a sensing block (mouse, key pressed, touching) or such a hat cannot run on a board.',
  },
  reasonClones: {
    id: 'mqtt.sb3.reason.clones',
    default: 'makes clones, copies of a sprite on the stage; a board has no sprites.',
    description: 'Why clone blocks cannot run on a board.',
  },
  reasonExtension: {
    id: 'mqtt.sb3.reason.extension',
    default: 'comes from an extension that boards do not have.',
    description: 'Why a block of another Scratch extension (music, video, translate...) cannot run on a board.',
  },
  reasonOther: {
    id: 'mqtt.sb3.reason.other',
    default: 'is not one of the blocks a board can run (see "What translates" in the board code guide).',
    description: 'Why a block not in the board subset (and in no category above) cannot run on a board.',
  },
  notSb3: {
    id: 'mqtt.sb3.file.notSb3',
    default: '{file} is not a Scratch project. Save the project in Scratch with File > Save to your computer and use that .sb3 file.',
    description: 'CLI: the file is neither a zip nor project JSON. {file} is its name.',
  },
  brokenZip: {
    id: 'mqtt.sb3.file.brokenZip',
    default: '{file} looks like an .sb3 but cannot be opened ({detail}). Save the project from Scratch again.',
    description: 'CLI: a damaged zip. {detail} is the technical reason.',
  },
  tooBig: {
    id: 'mqtt.sb3.file.tooBig',
    default: '{file} is too big to be a Scratch project ({detail}).',
    description: 'CLI: the .sb3 exceeds the size or entry limits (protects against zip bombs). {detail} says which limit.',
  },
  noProjectJson: {
    id: 'mqtt.sb3.file.noProjectJson',
    default: '{file} has no project.json inside, so it is not a Scratch 3 project. Save it again from Scratch 3.',
    description: 'CLI: a zip without project.json (maybe a Scratch 2 .sb file renamed).',
  },
  badProjectJson: {
    id: 'mqtt.sb3.file.badProjectJson',
    default: 'The project inside {file} is damaged ({detail}). Save the project from Scratch again.',
    description: 'CLI: project.json is not valid JSON or not a Scratch 3 project.',
  },
  noMqttBlocks: {
    id: 'mqtt.sb3.project.noMqtt',
    default: 'This project uses no MQTT blocks, so a board would have nothing to send or receive. Add MQTT blocks (connect, publish, when message received) and save again.',
    description: 'CLI: the project has no MQTT blocks at all.',
  },
  noSprite: {
    id: 'mqtt.sb3.project.noSprite',
    default: 'There is no sprite called "{sprite}" in this project. Its sprites are: {sprites}.',
    description: 'CLI: --sprite names a sprite that does not exist. {sprites} lists the real names.',
  },
  nothingLeft: {
    id: 'mqtt.sb3.project.nothingLeft',
    default: 'No script is left that a board can run.',
    description: 'CLI: after leaving out unsupported scripts nothing remains.',
  },
  brokerChanged: {
    id: 'mqtt.sb3.broker.changed',
    default: 'The board connects to {board} instead of {stage}: boards use the broker\'s TCP port, browsers its WebSocket address. Use --broker to choose another address.',
    description: 'CLI and generated code: a ws:// address from the Scratch project was turned into the TCP address boards use.',
  },
  headerMade: {
    id: 'mqtt.sb3.code.header',
    default: 'main.py made by mqtt-blocks from the Scratch project "{project}". Change the project in Scratch rather than this file.',
    description: 'First comment line of a main.py made from a Scratch project. {project} is the project (file) name.',
  },
  headerHow: {
    id: 'mqtt.sb3.code.how',
    default: 'Each script below is a task; the tasks take turns as the scripts do on the Scratch stage.',
    description: 'Second comment line of a main.py made from a Scratch project.',
  },
  headerScripts: {
    id: 'mqtt.sb3.code.scripts',
    default: 'Scripts:',
    description: 'Comment in a main.py made from a Scratch project, above the list of the scripts it was made from.',
  },
  scriptComment: {
    id: 'mqtt.sb3.code.script',
    default: '{sprite}: "{script}"',
    description: 'Comment above each script\'s function in main.py: the sprite and the script\'s first block.',
  },
  scriptStopped: {
    id: 'mqtt.sb3.board.scriptStopped',
    default: 'Error in {script}: {error}. This script stopped; the others go on.',
    description: 'Printed by a board when one script fails. {script} is the function name, {error} the Python error.',
  },
} as const satisfies Record<string, Message>;
