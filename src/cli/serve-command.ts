import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ListenError, startClassroomServer, type ClassroomServer } from '../server';
import { helpText, onOneLine } from '../i18n/terminal-text';
import { formatBanner } from './banner';
import { CLI_TEXT as T } from './cli-text';
import { askPassword, passwordFromEnvironment } from './password-source';

/** The ports `serve` listens on unless told otherwise (the README and the banner name them too). */
const DEFAULT_HTTP_PORT = 8000;
const DEFAULT_TCP_PORT = 1883;

export interface ServeOptions {
  httpPort: number;
  tcpPort: number;
  lan: boolean;
  username?: string;
  password?: string;
  passwordEnv?: string;
  askPassword?: boolean;
  retainedFile?: string;
  allowOrigin?: string[];
  allowHost?: string[];
  maxPacketSize?: number;
  maxQueuedBytes?: number;
  maxQueuedMessages?: number;
  maxConnectionsPerAddress?: number;
}

/** Commander parser for port options; 0 lets the system pick a free port. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(onOneLine(T.badPort));
  }
  return port;
}

/** Commander parser for sizes: bytes, or with a k/m suffix (kibibytes, mebibytes). */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*([km]?)i?b?$/i.exec(value.trim());
  const size = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'm' ? 1024 * 1024 : match[2]?.toLowerCase() === 'k' ? 1024 : 1) : NaN;
  if (!Number.isSafeInteger(size) || size <= 0) {
    throw new InvalidArgumentError(onOneLine(T.badSize));
  }
  return size;
}

/** Commander parser for counts (connections, messages): a whole number from 1. */
export function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError(onOneLine(T.badCount));
  }
  return count;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The password from whichever of --password, --password-env, --ask-password was given (at most one). */
async function resolvePassword(options: ServeOptions): Promise<string | undefined> {
  const given = [options.password !== undefined, options.passwordEnv !== undefined, options.askPassword === true].filter(Boolean).length;
  if (given > 1) {
    throw new InvalidArgumentError(onOneLine(T.onePassword));
  }
  if (options.passwordEnv !== undefined) return passwordFromEnvironment(options.passwordEnv);
  if (options.askPassword === true) return askPassword();
  return options.password;
}

const DIST_FILE = path.resolve(__dirname, '..', '..', 'dist', 'mqtt-blocks.js');

/** Starts the server and prints the banner; the caller decides how long it runs. */
export async function serve(options: ServeOptions, print: (text: string) => void = console.log): Promise<ClassroomServer> {
  const server = await startClassroomServer({
    httpPort: options.httpPort,
    tcpPort: options.tcpPort,
    lan: options.lan,
    username: options.username,
    password: await resolvePassword(options),
    retainedFile: options.retainedFile,
    allowOrigins: options.allowOrigin ?? [],
    allowHosts: options.allowHost ?? [],
    limits: {
      maxPacketBytes: options.maxPacketSize,
      maxQueuedBytesPerClient: options.maxQueuedBytes,
      maxQueuedMessagesPerClient: options.maxQueuedMessages,
      maxConnectionsPerAddress: options.maxConnectionsPerAddress,
    },
  });
  print(formatBanner(server, existsSync(DIST_FILE)));
  return server;
}

/** Stops cleanly on the first Ctrl-C (saving retained messages); a second one forces exit. */
function stopOnSignals(server: ClassroomServer): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${onOneLine(T.stopping)}`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error.message);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(helpText(T.serveDescription))
    .option('--http-port <port>', helpText(T.serveHttpPort, { port: String(DEFAULT_HTTP_PORT) }), parsePort, DEFAULT_HTTP_PORT)
    .option('--tcp-port <port>', helpText(T.serveTcpPort, { port: String(DEFAULT_TCP_PORT) }), parsePort, DEFAULT_TCP_PORT)
    .option('--lan', helpText(T.serveLan), false)
    .option('--username <name>', helpText(T.serveUsername))
    .option('--password <password>', helpText(T.servePassword))
    .option('--password-env <name>', helpText(T.servePasswordEnv))
    .option('--ask-password', helpText(T.serveAskPassword))
    .option('--retained-file <file>', helpText(T.serveRetainedFile))
    .option('--allow-origin <origin>', helpText(T.serveAllowOrigin), collect)
    .option('--allow-host <name>', helpText(T.serveAllowHost), collect)
    .option('--max-packet-size <size>', helpText(T.serveMaxPacketSize), parseSize)
    .option('--max-queued-bytes <size>', helpText(T.serveMaxQueuedBytes), parseSize)
    .option('--max-queued-messages <count>', helpText(T.serveMaxQueuedMessages), parseCount)
    .option('--max-connections-per-address <count>', helpText(T.serveMaxConnectionsPerAddress), parseCount)
    .action(async (options: ServeOptions) => {
      try {
        const server = await serve(options);
        stopOnSignals(server);
      } catch (error) {
        const explained = ['InvalidOriginError', 'InvalidHostError', 'RetainedFileError'];
        if (error instanceof InvalidArgumentError || (error instanceof Error && explained.includes(error.name))) {
          console.error(`\n${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        if (error instanceof ListenError) {
          console.error(`\n${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
    });
}
