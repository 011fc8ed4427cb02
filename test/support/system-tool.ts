/**
 * Interop tests need system tools (Mosquitto, Debian's python3 with paho-mqtt, Chromium).
 * On a laptop without one, only the tests that need it are skipped, with the reason printed.
 * In CI (CI=true) a missing tool is a failure: `.ci/run` installs them all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findScratchGuiDir } from '../../src/server/scratch-gui-files';

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
  env: NodeJS.ProcessEnv = process.env,
): ToolCheck {
  if (command.startsWith('/') && !existsSync(command)) {
    return { available: false, reason: `${label} not found at ${command} (${installHint})` };
  }
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 15000, env });
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

/** Chromium and the prebuilt Scratch editor's files (not an npm dependency) for the Scratch page's tests. */
export function scratchPageCheck(): ToolCheck {
  const chromium = chromiumCheck();
  if (!chromium.available) return chromium;
  if (findScratchGuiDir() === null) return { available: false, reason: 'Scratch editor files not set up (npm run setup:scratch-editor)' };
  return { available: true, reason: '' };
}

/**
 * paho-mqtt 2.x from Debian 13's package, unpacked by `.ci/fetch-paho2` (Debian 12 ships 1.6):
 * generated programs must run on both. Put on PYTHONPATH in front of the system's 1.6.
 */
export const PAHO2_SITE = path.resolve(__dirname, '..', '..', '.cache', 'paho-mqtt-2', 'usr', 'lib', 'python3', 'dist-packages');
export const paho2Check = (): ToolCheck =>
  checkTool(
    'paho-mqtt 2.x (Debian 13 package)',
    DEBIAN_PYTHON,
    ['-c', 'import paho.mqtt; assert paho.mqtt.__version__.startswith("2."), paho.mqtt.__version__'],
    'bash .ci/fetch-paho2',
    undefined,
    { ...process.env, PYTHONPATH: PAHO2_SITE },
  );

/** Both paho-mqtt generations that generated Raspberry Pi programs must run on. */
export const PAHO_FLAVOURS = [
  { name: 'paho-mqtt 1.6 (Debian 12)', check: pahoCheck, pythonPath: undefined },
  { name: 'paho-mqtt 2.x (Debian 13)', check: paho2Check, pythonPath: PAHO2_SITE },
] as const;
