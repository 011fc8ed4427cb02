/**
 * Commander's own errors about the command line (unknown option, missing option or argument, too
 * many arguments …) in the terminal's language, with what to do next. Commander hands its error
 * over as English text only (`outputError`), so the known shapes of commander 14's messages are
 * recognised here; anything else is shown as commander wrote it, still followed by the help hint.
 * Commander keeps exiting as before (code 1), so scripts see the same exit codes.
 */
import type { Command } from 'commander';
import type { PendingMessage } from '../../blocks/types';
import { replyText } from '../i18n/terminal-text';
import { PARSE_ERROR_TEXT as T } from './parse-error-text';

type Explain = (match: RegExpExecArray, command: string) => PendingMessage;

/** Commander 14's messages (lib/command.js), without the "(Did you mean …?)" line it may add. */
const SHAPES: ReadonlyArray<readonly [RegExp, Explain]> = [
  [/^error: unknown option '(.*)'$/, (m, command) => ({ message: T.unknownOption, params: { command, option: m[1] } })],
  [/^error: unknown command '(.*)'$/, (m, command) => ({ message: T.unknownCommand, params: { command, name: m[1] } })],
  [/^error: required option '(.*)' not specified$/, (m, command) => ({ message: T.missingOption, params: { command, option: m[1] } })],
  [/^error: missing required argument '(.*)'$/, (m, command) => ({ message: T.missingArgument, params: { command, argument: `<${m[1]}>` } })],
  [/^error: option '(.*)' argument missing$/, (m) => ({ message: T.optionValueMissing, params: { option: m[1] } })],
  [
    /^error: too many arguments(?: for '.*')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, command) => ({ message: T.tooManyArguments, params: { command, expected: Number(m[1]), got: Number(m[2]) } }),
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. ([\s\S]*)$/,
    (m) => ({ message: T.invalidValue, params: { option: m[1], value: `'${m[2]}'`, reason: m[3] } }),
  ],
];

const SUGGESTION = /\n\(Did you mean (?:one of )?(.*)\?\)$/;

/** What to print for commander's error text `raw`, given by the command called `command` ("mqtt-blocks serve"). */
export function explainParseError(raw: string, command: string, env?: Parameters<typeof replyText>[1]): string {
  let text = raw.replace(/\n+$/, '');
  const messages: PendingMessage[] = [];
  const suggestion = SUGGESTION.exec(text);
  if (suggestion) text = text.slice(0, suggestion.index);
  const shape = SHAPES.find(([pattern]) => pattern.test(text));
  const explained = shape ? shape[1](shape[0].exec(text)!, command) : null;
  if (explained) messages.push(explained);
  if (suggestion) messages.push({ message: T.didYouMean, params: { suggestion: suggestion[1] } });
  messages.push({ message: T.seeHelp, params: { help: `${command} --help` } });
  const reply = replyText(messages, env);
  return `${explained ? '' : `${text}\n`}${reply}\n`;
}

/** Call once every subcommand is added: each command's errors name that command in the hint. */
export function localiseParseErrors(program: Command): Command {
  for (const command of [program, ...program.commands]) {
    const name = command === program ? program.name() : `${program.name()} ${command.name()}`;
    command.configureOutput({ outputError: (text, write) => write(explainParseError(text, name)) });
  }
  return program;
}
