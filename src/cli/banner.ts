import type { Message } from '../../blocks/types';
import { inLines, onOneLine } from '../i18n/terminal-text';
import type { ClassroomServer } from '../server';
import { VIEWER_USERNAME } from '../server/auth';

export const BANNER_TEXT = {
  running: {
    id: 'mqtt.cli.banner.running',
    default: 'MQTT Blocks classroom server is running',
    description: 'Start-up message of the classroom server (terminal): first line.',
  },
  extensionUrl: {
    id: 'mqtt.cli.banner.extensionUrl',
    default: 'TurboWarp custom extension URL',
    description: 'Start-up message, label above the address TurboWarp loads the extension from.',
  },
  notBuilt: {
    id: 'mqtt.cli.banner.notBuilt',
    default: '(not built yet: run "npm run build" first)',
    description: 'Start-up message, under the extension address when the extension file has not been built. Keep the command.',
  },
  scratchEditor: {
    id: 'mqtt.cli.banner.scratchEditor',
    default: 'Scratch editor',
    description: 'Start-up message, label above the Scratch editor page address.',
  },
  boardEditor: {
    id: 'mqtt.cli.banner.boardEditor',
    default: 'Board editor',
    description: 'Start-up message, label above the board editor page address.',
  },
  browserBroker: {
    id: 'mqtt.cli.banner.browserBroker',
    default: 'Broker for browsers (WebSocket)',
    description: 'Start-up message, label above the WebSocket broker address for browsers.',
  },
  localBroker: {
    id: 'mqtt.cli.banner.localBroker',
    default: 'Broker for programs on this computer (MQTT/TCP)',
    description: 'Start-up message, label above the TCP broker address for programs on the teacher\'s computer.',
  },
  lanMode: {
    id: 'mqtt.cli.banner.lanMode',
    default: 'Classroom network (LAN) mode',
    description: 'Start-up message, heading of the part for other computers (started with --lan).',
  },
  noAddress: {
    id: 'mqtt.cli.banner.noAddress',
    default: 'No network address found: connect this computer to the classroom network and restart.',
    description: 'Start-up message with --lan when the computer has no network address.',
  },
  lanPages: {
    id: 'mqtt.cli.banner.lanPages',
    default: 'Pages for other computers',
    description: 'Start-up message with --lan, label above the address pupils\' computers open.',
  },
  lanBrowserBroker: {
    id: 'mqtt.cli.banner.lanBrowserBroker',
    default: 'Broker for browsers on other computers',
    description: 'Start-up message with --lan, label above the WebSocket broker address for pupils\' browsers.',
  },
  lanBoardBroker: {
    id: 'mqtt.cli.banner.lanBoardBroker',
    default: 'Broker for boards: server and port',
    description: 'Start-up message with --lan, label above the server address and port boards use.',
  },
  port: {
    id: 'mqtt.cli.banner.port',
    default: 'port',
    description: 'Start-up message: the word before the TCP port number, as in "192.168.1.20  port 1883".',
  },
  localOnly: {
    id: 'mqtt.cli.banner.localOnly',
    default: 'Only this computer can connect. To let boards and other computers in, restart with --lan.',
    description: 'Start-up message without --lan. Keep --lan (a command option).',
  },
  login: {
    id: 'mqtt.cli.banner.login',
    default: 'Every client must log in with',
    description: 'Start-up message, heading above the username and password every device must use.',
  },
  username: {
    id: 'mqtt.cli.banner.username',
    default: 'Username',
    description: 'Start-up message, label before the username.',
  },
  password: {
    id: 'mqtt.cli.banner.password',
    default: 'Password',
    description: 'Start-up message, label before the password.',
  },
  generated: {
    id: 'mqtt.cli.banner.generated',
    default: '(generated for this session; choose your own with --username and --password-env or --ask-password)',
    description: 'Start-up message, after a password made up for this session. Keep the options as they are.',
  },
  viewerLogin: {
    id: 'mqtt.cli.banner.viewerLogin',
    default: 'Read-only login for the monitor and dashboard pages',
    description: 'Start-up message, heading above the read-only login for the teacher\'s monitor and dashboard pages.',
  },
  viewerCode: {
    id: 'mqtt.cli.banner.viewerCode',
    default: 'Viewer code',
    description: 'Start-up message, label before the read-only viewer code.',
  },
  origins: {
    id: 'mqtt.cli.banner.origins',
    default: 'Web pages also allowed to use the broker',
    description: 'Start-up message, heading above extra web page origins allowed to connect (--allow-origin).',
  },
  hosts: {
    id: 'mqtt.cli.banner.hosts',
    default: 'Other names this server answers to',
    description: 'Start-up message, heading above extra host names the server answers to (--allow-host).',
  },
  stop: {
    id: 'mqtt.cli.banner.stop',
    default: 'Press Ctrl-C to stop',
    description: 'Start-up message, last line: how to stop the server.',
  },
} as const satisfies Record<string, Message>;

const T = BANNER_TEXT;

/**
 * The one start-up message the teacher reads. Each item is "English / 中文" on one line
 * and the address alone on the next, so it can be copied without picking up labels.
 */
export function formatBanner(server: ClassroomServer, extensionBuilt: boolean): string {
  const lines: string[] = [];
  const item = (label: Message, value: string): void => {
    lines.push(`  ${onOneLine(label)}`, `      ${value}`);
  };
  /** A sentence in every language, each on its own indented line. */
  const say = (message: Message, indent = '  '): void => {
    lines.push(...inLines(message).split('\n').map((line) => `${indent}${line}`));
  };

  lines.push('', onOneLine(T.running), '');
  item(T.extensionUrl, server.extensionUrl);
  if (!extensionBuilt) {
    lines.push(`      ${onOneLine(T.notBuilt)}`);
  }
  item(T.scratchEditor, server.pageUrls.scratch);
  item(T.boardEditor, server.pageUrls.board);
  item(T.browserBroker, server.websocketUrl);
  item(T.localBroker, server.tcpUrl);

  if (server.lan) {
    lines.push('', onOneLine(T.lanMode));
    if (server.lanAddresses.length === 0) say(T.noAddress);
    for (const address of server.lanAddresses) {
      item(T.lanPages, `http://${address}:${server.httpPort}/`);
      item(T.lanBrowserBroker, `ws://${address}:${server.httpPort}/mqtt`);
      item(T.lanBoardBroker, `${address}  ${onOneLine(T.port, {}, '/')} ${server.tcpPort}`);
    }
  } else {
    lines.push('');
    say(T.localOnly);
  }

  if (server.credentials !== null) {
    lines.push('', onOneLine(T.login));
    lines.push(`  ${onOneLine(T.username)}:  ${server.credentials.username}`);
    lines.push(`  ${onOneLine(T.password)}:    ${server.credentials.password}`);
    if (server.credentials.generated) say(T.generated);
  }

  if (server.viewerCode !== null) {
    lines.push('', onOneLine(T.viewerLogin));
    lines.push(`  ${onOneLine(T.username)}:  ${VIEWER_USERNAME}`);
    lines.push(`  ${onOneLine(T.viewerCode)}:  ${server.viewerCode}`);
  }

  const origins = server.originPolicy?.allowedOrigins ?? [];
  if (origins.length > 0) {
    lines.push('', onOneLine(T.origins), ...origins.map((origin) => `  ${origin}`));
  }
  const hosts = server.originPolicy?.allowedHosts ?? [];
  if (hosts.length > 0) lines.push('', onOneLine(T.hosts), ...hosts.map((host) => `  ${host}`));

  lines.push('', onOneLine(T.stop), '');
  return lines.join('\n');
}
