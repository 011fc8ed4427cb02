/**
 * Interop tests need system tools (Mosquitto, Debian's python3 with paho-mqtt, Chromium).
 * On a laptop without one, only the tests that need it are skipped, with the reason printed.
 * In CI (CI=true) a missing tool is a failure: `.ci/run` installs them all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ToolCheck {
  available: boolean;
  reason: string;
}

const inCI = process.env.CI === 'true';

/** Checks that `command args` runs and exits 0. */
export function checkTool(
  label: string,
  command: string,
  args: string[],
  installHint: string,
  /** Some tools print their version with a non-zero status (mosquitto -h exits 3). */
  looksRight: (output: string, status: number | null) => boolean = (_output, status) => status === 0,
): ToolCheck {
  if (command.startsWith('/') && !existsSync(command)) {
    return { available: false, reason: `${label} not found at ${command} (${installHint})` };
  }
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 15000 });
  if (result.error || !looksRight(`${result.stdout}${result.stderr}`, result.status)) {
    const detail = result.error ? result.error.message : (result.stderr || result.stdout || '').trim().split('\n').pop();
    return { available: false, reason: `${label} unusable: ${detail} (${installHint})` };
  }
  return { available: true, reason: '' };
}

/**
 * `describe` when the tool is there; otherwise `describe.skip` with a visible reason,
 * or, in CI, a failing test that names what is missing.
 */
export function describeWithTool(check: ToolCheck, name: string, body: () => void): void {
  if (check.available) {
    describe(name, body);
    return;
  }
  if (inCI) {
    describe(name, () => {
      test(`requires a system tool: ${check.reason}`, () => {
        throw new Error(`CI must not skip interop tests: ${check.reason}`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED "${name}": ${check.reason}`);
  describe.skip(`${name} [skipped: ${check.reason}]`, body);
}

export const MOSQUITTO = '/usr/sbin/mosquitto';
export const DEBIAN_PYTHON = '/usr/bin/python3';
export const CHROMIUM = '/usr/bin/chromium';

export const mosquittoCheck = (): ToolCheck => checkTool('Mosquitto', MOSQUITTO, ['-h'], 'apt-get install -y mosquitto', (output) =>
    /mosquitto version/i.test(output),
  );
export const pahoCheck = (): ToolCheck =>
  checkTool('python3 with paho-mqtt', DEBIAN_PYTHON, ['-c', 'import paho.mqtt.client'], 'apt-get install -y python3-paho-mqtt');
export const chromiumCheck = (): ToolCheck => checkTool('Chromium', CHROMIUM, ['--version'], 'apt-get install -y chromium');
