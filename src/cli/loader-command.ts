/**
 * `mqtt-blocks loader --board NAME --broker mqtt://HOST:PORT [--username U --password P]
 *  --wifi SSID --wifi-password P --out-dir DIR`: writes the classroom loader's files (boot.py,
 * classroom_loader.py, classroom_config.json) for one board, to copy onto it once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { LOCALES } from '../i18n/locales';
import { translate, type Locale } from '../i18n/translate';
import { LoaderSettingsErrorClass, loaderFiles, type LoaderSettings } from '../ota/loader-files';
import { UPLOAD_TEXT } from '../upload/upload-messages';

export const LOADER_SOURCE_FILE = path.join(__dirname, '..', 'ota', 'classroom_loader.py');

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** English and Chinese together: a teacher's terminal says nothing reliable about who reads it. */
/** Terminal output in every language we have, one line each (see src/i18n/terminal-text.ts). */
export function bothLanguages(render: (locale: Locale) => string): string {
  return `${[...new Set(LOCALES.map(render))].join('\n')}\n`;
}

export function runLoader(options: LoaderSettings & { outDir: string }, io: CliIo): number {
  let files: Record<string, string>;
  try {
    files = loaderFiles(options, readFileSync(LOADER_SOURCE_FILE, 'utf8'));
  } catch (error) {
    if (!(error instanceof LoaderSettingsErrorClass)) throw error;
    const message =
      error.failure === 'badBoardName' ? UPLOAD_TEXT.otaBadBoardName : error.failure === 'badBroker' ? UPLOAD_TEXT.loaderBadBroker : UPLOAD_TEXT.loaderNoWifi;
    io.err(bothLanguages((locale) => translate(message, locale, { board: options.board, broker: options.broker })));
    return 2;
  }
  mkdirSync(options.outDir, { recursive: true });
  const written = Object.entries(files).map(([name, text]) => {
    const target = path.join(options.outDir, name);
    writeFileSync(target, text);
    return target;
  });
  io.out(bothLanguages((locale) => translate(UPLOAD_TEXT.loaderWritten, locale, { files: written.join(', '), board: options.board })));
  return 0;
}

export function registerLoaderCommand(program: Command): void {
  program
    .command('loader')
    .description('Write the classroom loader for one board: it takes new programs over Wi-Fi / 生成开发板的课堂加载器文件（通过 Wi-Fi 接收新程序）')
    .requiredOption('--board <name>', 'name of the board, e.g. desk7 (letters, digits, - and _) / 开发板名称')
    .requiredOption('--broker <url>', 'classroom broker for boards, mqtt://HOST:PORT / 开发板用的服务器地址')
    .option('--username <user>', 'broker username (--lan classroom) / 用户名')
    .option('--password <password>', 'broker password / 密码')
    .requiredOption('--wifi <ssid>', 'classroom Wi-Fi name / 教室 Wi-Fi 名称')
    .option('--wifi-password <password>', 'classroom Wi-Fi password / Wi-Fi 密码', '')
    .requiredOption('--out-dir <dir>', 'folder for the files / 输出文件夹')
    .action((options: LoaderSettings & { outDir: string }) => {
      process.exitCode = runLoader(options, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
    });
}
