/**
 * The frame hooks share scratch-vm's sequencer with other extensions and add-ons: removing ours must
 * never remove a wrapper somebody installed after us, and must stop calling us either way.
 * Real headless scratch-vm, stepped frame by frame.
 */
import { installFrameHooks, type FrameListener } from '../../src/scratch/frame-hooks';
import type { ScratchSequencer, ScratchThread } from '../../src/scratch/scratch-types';
import { FRAME_MS } from '../support/scratch-harness';
import { nativeRequire } from '../support/native-require';
import type { HeadlessVm, HeadlessVmConstructor } from '../support/headless-vm';
import { ProjectBuilder, block, num } from '../support/sb3-builder';

const VirtualMachine = nativeRequire('scratch-vm') as HeadlessVmConstructor;
const vms: HeadlessVm[] = [];

afterEach(() => {
  for (const vm of vms.splice(0)) vm.runtime.dispose();
});

/** A project whose green-flag script counts forever, so every frame steps its thread. */
async function countingVm(): Promise<HeadlessVm> {
  const vm = new VirtualMachine();
  vms.push(vm);
  vm.runtime.currentStepTime = FRAME_MS;
  const project = new ProjectBuilder()
    .variable('count', 0)
    .script(
      block('event_whenflagclicked'),
      block('control_forever', {}, {}, { SUBSTACK: [block('data_changevariableby', { VALUE: num(1) }, { VARIABLE: { variable: 'count' } })] }),
    )
    .build();
  await vm.loadProject(project);
  vm.greenFlag();
  return vm;
}

function count(vm: HeadlessVm): number {
  return Number(vm.runtime.getTargetForStage().lookupVariableByNameAndType('count', '')?.value);
}

function countingListener(): FrameListener & { frames: number; steps: number } {
  const seen = {
    frames: 0,
    steps: 0,
    beforeFrame: () => void seen.frames++,
    afterThreadStep: (_thread: ScratchThread) => void seen.steps++,
  };
  return seen;
}

/** What another extension might do: wrap both sequencer methods the classic way. */
function installOtherWrapper(sequencer: ScratchSequencer): { frames: number; steps: number } {
  const seen = { frames: 0, steps: 0 };
  const { stepThreads, stepThread } = sequencer;
  sequencer.stepThreads = function (this: ScratchSequencer) {
    seen.frames++;
    return stepThreads.call(this);
  };
  sequencer.stepThread = function (this: ScratchSequencer, thread: ScratchThread) {
    seen.steps++;
    stepThread.call(this, thread);
  };
  return seen;
}

function stepFrames(vm: HeadlessVm, frames: number): void {
  for (let i = 0; i < frames; i++) vm.runtime._step();
}

test('our hooks run every frame and after every thread step', async () => {
  const vm = await countingVm();
  const ours = countingListener();
  const remove = installFrameHooks(vm.runtime, ours);
  stepFrames(vm, 5);
  expect(ours.frames).toBe(5);
  expect(ours.steps).toBeGreaterThanOrEqual(5);
  expect(count(vm)).toBeGreaterThanOrEqual(5);
  remove();
});

test('removing our hooks keeps a wrapper installed after ours running, and stops calling us', async () => {
  const vm = await countingVm();
  const ours = countingListener();
  const remove = installFrameHooks(vm.runtime, ours);
  const other = installOtherWrapper(vm.runtime.sequencer);
  stepFrames(vm, 3);
  expect(ours.frames).toBe(3);
  expect(other.frames).toBe(3);

  const otherStepThreads = vm.runtime.sequencer.stepThreads;
  remove();
  expect(vm.runtime.sequencer.stepThreads).toBe(otherStepThreads); // theirs is still the installed one
  const before = { ours: { ...ours }, other: { ...other }, count: count(vm) };
  stepFrames(vm, 4);
  expect(other.frames).toBe(before.other.frames + 4);
  expect(other.steps).toBeGreaterThan(before.other.steps);
  expect(count(vm)).toBeGreaterThan(before.count); // the project still runs through both wrappers
  expect(ours.frames).toBe(before.ours.frames);
  expect(ours.steps).toBe(before.ours.steps);
});

test('removing our hooks with nothing on top puts scratch-vm\'s own methods back', async () => {
  const vm = await countingVm();
  const sequencer = vm.runtime.sequencer;
  const prototype = Object.getPrototypeOf(sequencer) as ScratchSequencer;
  const remove = installFrameHooks(vm.runtime, countingListener());
  expect(Object.prototype.hasOwnProperty.call(sequencer, 'stepThread')).toBe(true);
  remove();
  expect(Object.prototype.hasOwnProperty.call(sequencer, 'stepThreads')).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(sequencer, 'stepThread')).toBe(false);
  expect(sequencer.stepThread).toBe(prototype.stepThread);
  const before = count(vm);
  stepFrames(vm, 2);
  expect(count(vm)).toBeGreaterThan(before);
});

test('a wrapper installed before ours is kept when ours is removed', async () => {
  const vm = await countingVm();
  const other = installOtherWrapper(vm.runtime.sequencer);
  const otherStepThread = vm.runtime.sequencer.stepThread;
  const ours = countingListener();
  installFrameHooks(vm.runtime, ours)();
  expect(vm.runtime.sequencer.stepThread).toBe(otherStepThread);
  stepFrames(vm, 2);
  expect(other.frames).toBe(2);
  expect(ours.frames).toBe(0);
});
