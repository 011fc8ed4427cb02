/**
 * Commander's own help words in the same language as our option help (src/i18n/terminal-text.ts
 * `helpText`). Set on the program before its subcommands are added: each subcommand copies these
 * settings from it.
 */
import type { Command } from 'commander';
import type { Message } from '../../blocks/types';
import { helpText } from '../i18n/terminal-text';
import { CLI_TEXT } from './cli-text';

/** The headings commander writes into every help, by the English it passes to `styleTitle`. */
const HEADINGS: Readonly<Record<string, Message>> = {
  'Usage:': CLI_TEXT.helpUsage,
  'Arguments:': CLI_TEXT.helpArguments,
  'Options:': CLI_TEXT.helpOptions,
  'Commands:': CLI_TEXT.helpCommands,
};

function heading(english: string): string {
  const message = HEADINGS[english];
  return message === undefined ? english : helpText(message);
}

export function localiseHelp(program: Command): Command {
  return program
    .helpOption('-h, --help', helpText(CLI_TEXT.helpOption))
    .helpCommand('help [command]', helpText(CLI_TEXT.helpCommand))
    // Commander would append "(default: 8000)" in English: an option whose default matters says it
    // in its own message instead (serve's ports, the limits).
    .configureHelp({ optionDescription: (option) => option.description, styleTitle: heading });
}
