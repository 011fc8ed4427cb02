/**
 * `mqtt-blocks send main.py --board NAME --broker URL [--username U --password P]`: sends a
 * program to a board's classroom loader over the broker and reports what the board did.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import mqtt from 'mqtt';
import { helpText, inLines, onOneLine } from '../i18n/terminal-text';
import { CLI_TEXT } from './cli-text';
import { brokerHostPort } from '../ota/loader-files';
import { MAX_PROGRAM_BYTES } from '../ota/ota-protocol';
import { sendProgram } from '../ota/send-program';
import { explainSendError, explainSendProgress } from '../upload/explain';
import { UPLOAD_TEXT } from '../upload/upload-messages';
import type { CliIo } from './loader-command';

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
    io.err(`${inLines(UPLOAD_TEXT.loaderBadBroker, { broker: options.broker })}\n`);
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
    io.err(`${inLines(refused ? UPLOAD_TEXT.otaNotAllowed : UPLOAD_TEXT.otaUnreachable, { detail, broker: options.broker })}\n`);
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
        io.out(`${inLines(explainSendProgress(progress, options.board))}\n`);
      },
    });
    return 0;
  } catch (error) {
    io.err(`${inLines(explainSendError(error, options.board, program.length, MAX_PROGRAM_BYTES))}\n`);
    return 1;
  } finally {
    await client.endAsync().catch(() => undefined);
  }
}

export function registerSendCommand(program: Command): void {
  program
    .command('send')
    .description(helpText(CLI_TEXT.sendDescription))
    .argument('<file>', helpText(CLI_TEXT.sendArgument))
    .requiredOption('--board <name>', helpText(CLI_TEXT.sendBoard))
    .requiredOption('--broker <url>', helpText(CLI_TEXT.sendBroker))
    .option('--username <user>', helpText(CLI_TEXT.sendUsername))
    .option('--password <password>', helpText(CLI_TEXT.sendPassword))
    .action(async (file: string, options: SendCliOptions) => {
      process.exitCode = await runSend(file, options, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
    });
}
