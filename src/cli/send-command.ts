/**
 * `mqtt-blocks send main.py --board NAME --broker URL [--username U --password P]`: sends a
 * program to a board's classroom loader over the broker and reports what the board did.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import mqtt from 'mqtt';
import { translate, translatePending } from '../i18n/translate';
import { onOneLine } from '../i18n/terminal-text';
import { CLI_TEXT } from './cli-text';
import { brokerHostPort } from '../ota/loader-files';
import { MAX_PROGRAM_BYTES } from '../ota/ota-protocol';
import { sendProgram } from '../ota/send-program';
import { explainSendError, explainSendProgress } from '../upload/explain';
import { UPLOAD_TEXT } from '../upload/upload-messages';
import { bothLanguages, type CliIo } from './loader-command';

export interface SendCliOptions {
  board: string;
  broker: string;
  username?: string;
  password?: string;
  /** Longest wait for each answer from the board (ms); tests shorten it. */
  answerMs?: number;
}

export async function runSend(file: string, options: SendCliOptions, io: CliIo): Promise<number> {
  let program: Buffer;
  try {
    program = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    io.err(`${onOneLine(CLI_TEXT.cannotRead, { file, code })}\n`);
    return 1;
  }
  const address = brokerHostPort(options.broker);
  if (address === null) {
    io.err(bothLanguages((locale) => translate(UPLOAD_TEXT.loaderBadBroker, locale, { broker: options.broker })));
    return 2;
  }
  let client: mqtt.MqttClient;
  try {
    client = await mqtt.connectAsync({
      host: address.host,
      port: address.port,
      protocol: 'mqtt',
      username: options.username,
      password: options.password,
      reconnectPeriod: 0,
      connectTimeout: 10000,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // CONNACK refusals (wrong class password) differ from a broker that is not there at all.
    const refused = /Not authorized|Bad username or password/i.test(detail);
    io.err(bothLanguages((locale) => translate(refused ? UPLOAD_TEXT.otaNotAllowed : UPLOAD_TEXT.otaUnreachable, locale, { detail, broker: options.broker })));
    return 1;
  }
  let lastStage = '';
  try {
    await sendProgram(client, options.board, program, {
      answerMs: options.answerMs,
      onProgress: (progress) => {
        // One line per stage, plus every sent chunk: a teacher sees it move without a flood.
        const key = `${progress.stage}${progress.stage === 'sending' ? progress.sentBytes : ''}`;
        if (key === lastStage) return;
        lastStage = key;
        io.out(bothLanguages((locale) => translatePending(explainSendProgress(progress, options.board), locale)));
      },
    });
    return 0;
  } catch (error) {
    io.err(bothLanguages((locale) => translatePending(explainSendError(error, options.board, program.length, MAX_PROGRAM_BYTES), locale)));
    return 1;
  } finally {
    await client.endAsync().catch(() => undefined);
  }
}

export function registerSendCommand(program: Command): void {
  program
    .command('send')
    .description('Send a program to a board over Wi-Fi (it needs the classroom loader) / 通过 Wi-Fi 把程序发送到开发板（需已安装课堂加载器）')
    .argument('<file>', 'the program, e.g. main.py / 程序文件')
    .requiredOption('--board <name>', 'name of the board / 开发板名称')
    .requiredOption('--broker <url>', 'classroom broker, mqtt://HOST:PORT / 服务器地址')
    .option('--username <user>', 'broker username / 用户名')
    .option('--password <password>', 'broker password / 密码')
    .action(async (file: string, options: SendCliOptions) => {
      process.exitCode = await runSend(file, options, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
    });
}
