/**
 * `mqtt-blocks loader --board NAME --broker mqtt://HOST:PORT [--username U --password P]
 *  --wifi SSID --wifi-password P --out-dir DIR`: writes the classroom loader's files (boot.py,
 * classroom_loader.py, classroom_config.json) for one board, to copy onto it once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { helpText, inLines } from '../i18n/terminal-text';
import { LoaderSettingsErrorClass, loaderFiles, type LoaderSettings } from '../ota/loader-files';
import { UPLOAD_TEXT } from '../upload/upload-messages';
import { CLI_TEXT as T } from './cli-text';

export const LOADER_SOURCE_FILE = path.join(__dirname, '..', 'ota', 'classroom_loader.py');

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function runLoader(options: LoaderSettings & { outDir: string }, io: CliIo): number {
  let files: Record<string, string>;
  try {
    files = loaderFiles(options, readFileSync(LOADER_SOURCE_FILE, 'utf8'));
  } catch (error) {
    if (!(error instanceof LoaderSettingsErrorClass)) throw error;
    const message =
      error.failure === 'badBoardName' ? UPLOAD_TEXT.otaBadBoardName : error.failure === 'badBroker' ? UPLOAD_TEXT.loaderBadBroker : UPLOAD_TEXT.loaderNoWifi;
    io.err(`${inLines(message, { board: options.board, broker: options.broker })}\n`);
    return 2;
  }
  mkdirSync(options.outDir, { recursive: true });
  const written = Object.entries(files).map(([name, text]) => {
    const target = path.join(options.outDir, name);
    writeFileSync(target, text);
    return target;
  });
  io.out(`${inLines(UPLOAD_TEXT.loaderWritten, { files: written.join(', '), board: options.board })}\n`);
  return 0;
}

export function registerLoaderCommand(program: Command): void {
  program
    .command('loader')
    .description(helpText(T.loaderDescription))
    .requiredOption('--board <name>', helpText(T.loaderBoard))
    .requiredOption('--broker <url>', helpText(T.loaderBroker))
    .option('--username <user>', helpText(T.loaderUsername))
    .option('--password <password>', helpText(T.loaderPassword))
    .requiredOption('--wifi <ssid>', helpText(T.loaderWifi))
    .option('--wifi-password <password>', helpText(T.loaderWifiPassword))
    .requiredOption('--out-dir <dir>', helpText(T.loaderOutDir))
    .action((options: LoaderSettings & { outDir: string }) => {
      process.exitCode = runLoader(options, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
    });
}
