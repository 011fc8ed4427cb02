import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ListenError, startClassroomServer, type ClassroomServer } from '../server';
import { formatBanner } from './banner';

export interface ServeOptions {
  httpPort: number;
  tcpPort: number;
  lan: boolean;
  username?: string;
  password?: string;
  retainedFile?: string;
}

/** Commander parser for port options; 0 lets the system pick a free port. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 / 端口必须是 0 到 65535 之间的整数');
  }
  return port;
}

const DIST_FILE = path.resolve(__dirname, '..', '..', 'dist', 'mqtt-blocks.js');

/** Starts the server and prints the banner; the caller decides how long it runs. */
export async function serve(options: ServeOptions, print: (text: string) => void = console.log): Promise<ClassroomServer> {
  const server = await startClassroomServer({
    httpPort: options.httpPort,
    tcpPort: options.tcpPort,
    lan: options.lan,
    username: options.username,
    password: options.password,
    retainedFile: options.retainedFile,
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
    console.log('\nStopping... / 正在停止...');
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
    .description('start the classroom broker and editor pages / 启动课堂 MQTT 服务器和编辑器页面')
    .option('--http-port <port>', 'port for pages, the extension and MQTT over WebSocket', parsePort, 8000)
    .option('--tcp-port <port>', 'MQTT (TCP) port for boards', parsePort, 1883)
    .option('--lan', 'let boards and other computers on the network connect (asks for a password)', false)
    .option('--username <name>', 'username clients must use (generated with --lan if missing)')
    .option('--password <password>', 'password clients must use (generated with --lan if missing)')
    .option('--retained-file <file>', 'keep retained messages in this JSON file across restarts')
    .action(async (options: ServeOptions) => {
      try {
        const server = await serve(options);
        stopOnSignals(server);
      } catch (error) {
        if (error instanceof ListenError) {
          console.error(`\n${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
    });
}
