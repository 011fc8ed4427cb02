/**
 * Puts main.py together, in the order of the classic umqtt.simple lesson: imports, the client,
 * the pupil's variables and functions, the hat scripts as callbacks handed to the client, then the
 * main program inside `with client:` (which leaves the broker politely when the program ends or
 * is stopped), listening forever when there are hats.
 */
import type { Target } from '../../blocks/codegen';
import type { Message } from '../../blocks/types';
import { translate, type Locale } from '../i18n/translate';
import { LIBRARY_EXPORTS, LIBRARY_MODULE } from './library/exports';
import type { ProgramParts } from './program-parts';

export interface AssemblyInput {
  parts: ProgramParts;
  locale: Locale;
  /** Blockly's own definitions (imports, `x = None` variables, procedures, helper functions). */
  blocklyDefinitions: readonly string[];
  mainCode: string;
  indent: string;
}

/** The comment at the top of main.py: two Python comment lines (each starts with "# "). */
export const HEADER: Readonly<Record<Target, Message>> = {
  micropython: {
    id: 'mqtt.board.header.micropython',
    default:
      '# main.py made by mqtt-blocks for MicroPython boards (umqtt.simple). Change the blocks rather than this file.\n# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).',
    description: 'Comment at the top of a generated MicroPython main.py: keep the two lines and the "# " that starts each.',
  },
  python: {
    id: 'mqtt.board.header.python',
    default:
      '# main.py made by mqtt-blocks for Python 3 with paho-mqtt (Raspberry Pi). Change the blocks rather than this file.\n# mqtt_blocks.py beside it keeps the connection going (reconnecting, Chinese text, + and # topics).',
    description: 'Comment at the top of a generated Raspberry Pi main.py: keep the two lines and the "# " that starts each.',
  },
};

const CLIENT_CLASS: Readonly<Record<Target, string>> = { micropython: 'MQTTClient', python: 'Client' };

function isImport(definition: string): boolean {
  return /^(from\s+\S+\s+)?import\s+\S+/.test(definition);
}

/** The `from mqtt_blocks import ...` line, or '' when main.py needs nothing from the library. */
export function libraryImport(parts: ProgramParts): string {
  const names: string[] = (LIBRARY_EXPORTS[parts.target] as readonly string[]).filter((name) =>
    name === CLIENT_CLASS[parts.target] ? parts.library.has('client') : parts.library.has(name as never),
  );
  return names.length === 0 ? '' : `from ${LIBRARY_MODULE} import ${names.join(', ')}`;
}

function registrations(parts: ProgramParts): string[] {
  const lines = parts.hatTables.message.map((hat) =>
    parts.target === 'micropython' ? `client.set_callback(${hat.name}, ${hat.key ?? "''"})` : `client.message_callback_add(${hat.key ?? "''"}, ${hat.name})`,
  );
  lines.push(...parts.hatTables.connected.map((hat) => `client.when_connected(${hat.name})`));
  lines.push(...parts.hatTables.disconnected.map((hat) => `client.when_disconnected(${hat.name})`));
  return lines;
}

function indentLines(code: string, indent: string): string {
  return code
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

function mainProgram(input: AssemblyInput): string {
  const { parts, indent } = input;
  const main = input.mainCode.replace(/\n+$/, '');
  if (!parts.library.has('client')) {
    return main.trim() === '' ? 'pass  # (no blocks in the main program)' : main;
  }
  const listen = parts.hatTables.message.length + parts.hatTables.connected.length + parts.hatTables.disconnected.length > 0;
  const forever = parts.target === 'micropython' ? `while True:\n${indent}client.wait_msg()` : 'client.loop_forever()';
  const body = [main.trim() === '' ? '' : main, listen ? forever : ''].filter((piece) => piece !== '').join('\n');
  return `with client:\n${indentLines(body === '' ? 'pass' : body, indent)}`;
}

export function assembleMain(input: AssemblyInput): string {
  const { parts } = input;
  const imports = Array.from(new Set(input.blocklyDefinitions.filter(isImport))).sort();
  const fromLibrary = libraryImport(parts);
  const sections = [
    translate(HEADER[parts.target], input.locale),
    [...imports, fromLibrary].filter((line) => line !== '').join('\n'),
    parts.library.has('client') ? `client = ${CLIENT_CLASS[parts.target]}()` : '',
    ...input.blocklyDefinitions.filter((definition) => !isImport(definition)),
    ...parts.hatFunctions,
    registrations(parts).join('\n'),
    mainProgram(input),
  ].filter((section) => section.trim() !== '');
  return `${sections.join('\n\n')}\n`;
}
