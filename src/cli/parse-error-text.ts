/**
 * What `mqtt-blocks` says when the command line itself is wrong (commander's parse errors, see
 * parse-errors.ts): what was wrong, in plain words, and what to do next.
 */
import type { Message } from '../../blocks/types';

export const PARSE_ERROR_TEXT = {
  unknownOption: {
    id: 'mqtt.cli.parse.unknownOption',
    default: '{command} has no option {option}.',
    description: 'Command line error: an option the command does not know. {command} is e.g. "mqtt-blocks serve", {option} what was typed, e.g. --x.',
  },
  didYouMean: {
    id: 'mqtt.cli.parse.didYouMean',
    default: 'Did you mean {suggestion}?',
    description: 'Command line error, after an unknown option or command: the closest one that exists, e.g. --tcp-port.',
  },
  missingOption: {
    id: 'mqtt.cli.parse.missingOption',
    default: '{command} needs the option {option}: add it to the command.',
    description: 'Command line error: a required option was not given. {option} is e.g. "--board <name>".',
  },
  missingArgument: {
    id: 'mqtt.cli.parse.missingArgument',
    default: '{command} needs {argument}: add it to the command.',
    description: 'Command line error: a required argument was not given. {argument} is its name, e.g. <file>.',
  },
  optionValueMissing: {
    id: 'mqtt.cli.parse.optionValueMissing',
    default: 'The option {option} needs a value after it.',
    description: 'Command line error: an option was typed last or without its value. {option} is e.g. "--board <name>".',
  },
  tooManyArguments: {
    id: 'mqtt.cli.parse.tooManyArguments',
    default: '{command} takes {expected, plural, =0 {no arguments} one {# argument} other {# arguments}} but got {got}. Put quotes around a value with spaces, like "My Wi-Fi".',
    description: 'Command line error: more words than the command takes (often a Wi-Fi name with spaces and no quotes). {expected} and {got} are numbers.',
  },
  unknownCommand: {
    id: 'mqtt.cli.parse.unknownCommand',
    default: '{command} has no command {name}.',
    description: 'Command line error: an unknown command word, e.g. "mqtt-blocks serf". {command} is "mqtt-blocks".',
  },
  invalidValue: {
    id: 'mqtt.cli.parse.invalidValue',
    default: 'The option {option} does not accept {value}: {reason}',
    description: 'Command line error: a value the option refuses. {value} is what was typed, {reason} says why and what to use.',
  },
  seeHelp: {
    id: 'mqtt.cli.parse.seeHelp',
    default: 'Run {help} to see what it accepts.',
    description: 'Command line error, last line: how to see the command help. {help} is e.g. "mqtt-blocks serve --help"; keep it as it is.',
  },
} as const satisfies Record<string, Message>;
