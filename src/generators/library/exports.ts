/**
 * The names each board library defines, declared once here: main.py imports the public ones, and
 * the generator keeps the pupil's variables and functions off every one of them (in the one-file
 * form the library and main.py share a module). test/generators/library.test.ts checks these lists
 * against the names real MicroPython and CPython find in the modules.
 */
import type { Target } from '../../../blocks/codegen';

/** What main.py may import from the library, by target. */
export const LIBRARY_EXPORTS = {
  micropython: ['MQTTClient', 'wifi_connect', 'wait', 'json_value', 'text'],
  python: ['Client', 'wait', 'json_value', 'text'],
} as const satisfies Readonly<Record<Target, readonly string[]>>;

export type LibraryExport = (typeof LIBRARY_EXPORTS)[Target][number];

/** Every other top-level name of the library (helpers, constants, texts, imported modules). */
export const LIBRARY_PRIVATE_NAMES: Readonly<Record<Target, readonly string[]>> = {
  micropython: ['json', 'machine', 'sys', 'time', '_Simple', 'MQTTException', '_client', 'decode', 'topic_problem', 'topic_matches', 'broker_address'],
  python: [
    'json', 'queue', 'time', 'traceback', 'uuid', 'mqtt', 'KEEPALIVE', 'CONNECT_WAIT', 'PUBLISH_WAIT', '_REFUSAL_CODES', '_client', '_code',
    'decode', 'topic_problem', 'topic_matches', 'broker_address',
  ],
};

/** The module name main.py imports (the file is `mqtt_blocks.py`). */
export const LIBRARY_MODULE = 'mqtt_blocks';
