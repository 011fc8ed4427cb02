/**
 * Headless scratch-vm 5.0.300 with our extension registered as a built-in, stepped frame by frame in
 * real time so network I/O interleaves with frames as in an editor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MqttExtension, type ExtensionEnvironment } from '../../src/scratch/extension';
import { sleep } from './ports';
import { nativeRequire } from './native-require';
import type { HeadlessVm, HeadlessVmConstructor } from './headless-vm';

const VirtualMachine = nativeRequire('scratch-vm') as HeadlessVmConstructor;
// scratch-vm logs through minilog ("No storage module present" for every costume of every test
// project): keep test output to what the tests say.
(nativeRequire('minilog') as { disable(): void }).disable();

export const FRAME_MS = 1000 / 60;

interface VariableLike {
  value: unknown;
}

export interface ScratchHarness {
  readonly vm: HeadlessVm;
  readonly extension: MqttExtension;
  setVariable(name: string, value: string | number): void;
  variable(name: string): unknown;
  list(name: string): unknown[];
  greenFlag(): void;
  /** Steps frames (with real time between them) until `done()` or the limits are hit. */
  stepUntil(done: () => boolean, options?: { maxMs?: number; maxFrames?: number }): Promise<boolean>;
  stepFrames(frames: number): Promise<void>;
  dispose(): void;
}

export function loadFixture(name: string): object {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'projects', `${name}.json`), 'utf8')) as object;
}

export async function loadProject(project: object, environment: Partial<ExtensionEnvironment> = {}): Promise<ScratchHarness> {
  const vm = new VirtualMachine();
  const extension = new MqttExtension(vm.runtime, { connectTimeoutMs: 4000, ...environment });
  const serviceName = vm.extensionManager._registerInternalExtension(extension);
  vm.extensionManager._loadedExtensions.set('mqtt', serviceName);
  vm.runtime.currentStepTime = FRAME_MS;
  await vm.loadProject(project);
  const stage = vm.runtime.getTargetForStage();
  const lookup = (name: string, type: '' | 'list'): VariableLike => {
    const found = stage.lookupVariableByNameAndType(name, type);
    if (!found) throw new Error(`no ${type || 'variable'} named ${name}`);
    return found;
  };
  let frames = 0;
  const step = async () => {
    vm.runtime._step();
    frames++;
    await sleep(FRAME_MS);
  };
  return {
    vm,
    extension,
    setVariable: (name, value) => {
      lookup(name, '').value = value;
    },
    variable: (name) => lookup(name, '').value,
    list: (name) => lookup(name, 'list').value as unknown[],
    greenFlag: () => vm.greenFlag(),
    async stepUntil(done, options = {}) {
      const deadline = Date.now() + (options.maxMs ?? 10000);
      const lastFrame = frames + (options.maxFrames ?? Number.MAX_SAFE_INTEGER);
      while (!done()) {
        if (Date.now() > deadline || frames >= lastFrame) return false;
        await step();
      }
      return true;
    },
    async stepFrames(count) {
      for (let i = 0; i < count; i++) await step();
    },
    dispose() {
      vm.runtime.dispose();
      extension.dispose();
    },
  };
}
