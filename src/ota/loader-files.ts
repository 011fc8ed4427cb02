/**
 * The files that make a board a classroom board: boot.py (starts the loader), the loader itself
 * (classroom_loader.py, kept as a real Python file beside this one) and classroom_config.json
 * (board name, broker, Wi-Fi; JSON, so no setting can turn into code). Used by
 * `mqtt-blocks loader` and by the board page's USB install.
 */
import { BOARD_NAME } from './ota-protocol';

export interface LoaderSettings {
  board: string;
  /** mqtt://host:port (or host:port, or host). */
  broker: string;
  username?: string;
  password?: string;
  wifi: string;
  wifiPassword?: string;
  /** How long a new program must run without crashing before it counts as good (ms). */
  trialMs?: number;
}

export const BOOT_PY = `# mqtt-blocks classroom loader: joins Wi-Fi and the classroom broker, runs main.py and takes new
# programs over Wi-Fi (see classroom_loader.py). Delete this file to stop using it.
import classroom_loader
classroom_loader.start()
`;

export type LoaderSettingsError = 'badBoardName' | 'badBroker' | 'noWifi';

export function brokerHostPort(broker: string): { host: string; port: number } | null {
  const match = /^(?:(mqtt|tcp):\/\/)?([^\s/:@]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?\/?$/.exec(broker.trim());
  if (match === null) return null;
  const port = match[3] === undefined ? 1883 : Number(match[3]);
  if (port < 1 || port > 65535) return null;
  return { host: match[2].replace(/^\[|\]$/g, ''), port };
}

export function loaderConfig(settings: LoaderSettings): string {
  if (!BOARD_NAME.test(settings.board)) throw new LoaderSettingsErrorClass('badBoardName', settings.board);
  const address = brokerHostPort(settings.broker);
  if (address === null) throw new LoaderSettingsErrorClass('badBroker', settings.broker);
  if (settings.wifi.trim() === '') throw new LoaderSettingsErrorClass('noWifi', '');
  const config: Record<string, unknown> = {
    board: settings.board,
    host: address.host,
    port: address.port,
    user: settings.username ?? '',
    password: settings.password ?? '',
    wifi: settings.wifi,
    wifi_password: settings.wifiPassword ?? '',
  };
  if (settings.trialMs !== undefined) config.trial_ms = settings.trialMs;
  return `${JSON.stringify(config, null, 1)}\n`;
}

export class LoaderSettingsErrorClass extends Error {
  constructor(
    readonly failure: LoaderSettingsError,
    readonly value: string,
  ) {
    super(`${failure}: ${value}`);
    this.name = 'LoaderSettingsError';
  }
}

/** path → text of every file the board needs, given the loader's own source. */
export function loaderFiles(settings: LoaderSettings, loaderSource: string): Record<string, string> {
  return {
    'classroom_config.json': loaderConfig(settings),
    'classroom_loader.py': loaderSource,
    'boot.py': BOOT_PY,
  };
}
