/** Texts of the board simulator (see src/i18n/README.md: English here, Chinese in src/i18n/locales/zh-cn.json). */
import type { Message } from '../../../../blocks/types';

const m = (id: string, text: string, description: string): Message => ({ id: `mqtt.page.board.simulator.${id}`, default: text, description });

export const SIMULATOR_TEXT = {
  heading: m('heading', 'Simulator', 'Board page: heading of the panel that runs the MicroPython program in the browser.'),
  run: m('run', 'Run in simulator', 'Board page: button that runs the generated MicroPython program on a simulated board in the browser.'),
  stop: m('stop', 'Stop', 'Board page: button that stops the program running in the simulator.'),
  consoleLabel: m('consoleLabel', 'Simulator output', 'Board page: accessible name of the simulator console (what the program prints).'),
  consoleEmpty: m(
    'consoleEmpty',
    'Press "Run in simulator" to try the MicroPython program without a board. What it prints appears here.',
    'Board page: shown in the empty simulator console.',
  ),
  inputLabel: m('inputLabel', 'Type a line for the program, then press Enter', 'Board page: label of the field that sends a line to the program (its input()).'),
  inputWaiting: m('inputWaiting', 'The program is waiting for you to type a line and press Enter.', 'Board page: shown while the simulated program waits in input().'),
  send: m('send', 'Send', 'Board page: button next to the simulator input field.'),
  pinsLabel: m('pinsLabel', 'Simulated board pins', 'Board page: accessible name of the virtual LED panel and buttons of the simulated board.'),
  pinsEmpty: m('pinsEmpty', 'LEDs and buttons appear here when the program uses machine.Pin.', 'Board page: shown when the program has not used any pin.'),
  led: m('led', 'LED on GPIO {pin}: {state}', 'Board page: accessible name of a virtual LED; {state} is on or off.'),
  on: m('on', 'on', 'Board page: state of a virtual LED.'),
  off: m('off', 'off', 'Board page: state of a virtual LED.'),
  button: m('button', 'Button on GPIO {pin} (hold to press)', 'Board page: a virtual push button wired to a pin the program reads.'),
  microPythonOnly: m(
    'microPythonOnly',
    'The simulator runs MicroPython only: to try this program without a board, use "Run in simulator", which runs the MicroPython version.',
    'Board page: note in the Python (Raspberry Pi) tab.',
  ),
  starting: m('starting', 'Starting the simulated board (its id is {id})…', 'Simulator console: first line of every run; {id} is the board client id in the monitor.'),
  wifi: m('wifi', 'Simulated Wi-Fi "{ssid}" connected at once (the browser is already online).', 'Simulator console: the program connected to Wi-Fi.'),
  redirected: m(
    'redirected',
    'The program connects to {server}; the simulated board uses the classroom broker {url} instead (a browser cannot open {server}).',
    'Simulator console: the broker address of the program is replaced by the classroom broker WebSocket.',
  ),
  finished: m('finished', 'The program has ended.', 'Simulator console: main.py ran to its end.'),
  stopped: m('stopped', 'Stopped. Press "Run in simulator" to start again.', 'Simulator console: the pupil pressed Stop.'),
  reset: m('reset', 'machine.reset(): the simulated board restarts the program.', 'Simulator console: the program called machine.reset().'),
  error: m(
    'error',
    'The program stopped with an error at line {line} of main.py (the block is highlighted when it can be found). Fix it, then run again.',
    'Simulator console: after a traceback; {line} is the line number.',
  ),
  scriptError: m(
    'scriptError',
    'A script stopped with an error at line {line} of main.py (its block is highlighted when it can be found); the rest of the program keeps running. Fix it, then run again.',
    'Simulator console: after a traceback the board library printed for a failing message (or connection) script; the program goes on. {line} is the line number.',
  ),
  errorNoLine: m('errorNoLine', 'The program stopped with an error. Fix it, then run again.', 'Simulator console: after a traceback without a main.py line.'),
  missing: m(
    'missing',
    'This program uses {name}, which the simulator does not have (it has machine, network, time and umqtt.simple). Try it on a real board.',
    'Simulator console: the program imports a module or uses a board feature the simulator lacks.',
  ),
  dropped: m(
    'dropped',
    '{count} messages were dropped: the program did not take them fast enough (the simulator keeps the newest {limit}).',
    'Simulator console: the program did not call check_msg() often enough.',
  ),
  tooBig: m(
    'tooBig',
    'A message of {bytes} bytes on {topic} was not delivered: a board cannot hold a message that big.',
    'Simulator console: a received message is larger than a board can handle.',
  ),
  bootFailed: m(
    'bootFailed',
    'The simulator could not start ({detail}). Reload the page; if it happens again, run "npm run build" in the mqtt-blocks folder.',
    'Simulator console: the MicroPython WebAssembly file could not be loaded.',
  ),
  notIsolated: m(
    'notIsolated',
    'The simulator needs this page to be opened from the classroom server (npm start), which allows it to share memory with the simulated board.',
    'Simulator console: the page is not cross-origin isolated (no SharedArrayBuffer).',
  ),
  noCode: m('noCode', 'There is no MicroPython program to run yet: {reason}', 'Simulator console: the MicroPython code cannot be generated.'),
} as const satisfies Record<string, Message>;
