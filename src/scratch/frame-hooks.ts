/**
 * Hooks into scratch-vm's sequencer so message deliveries run at the right moments:
 * - before each frame's thread stepping: start scripts that have messages waiting;
 * - after each thread step: chain the next message of a script that just finished.
 *
 * Vanilla scratch-vm emits no per-frame event (TurboWarp's BEFORE_EXECUTE exists only there), so we
 * wrap the two sequencer methods on this runtime's instance, and put the originals back on removal.
 */
import type { ScratchRuntime, ScratchThread } from './scratch-types';

export interface FrameListener {
  beforeFrame(): void;
  afterThreadStep(thread: ScratchThread): void;
}

export function installFrameHooks(runtime: ScratchRuntime, listener: FrameListener): () => void {
  const sequencer = runtime.sequencer;
  const originalStepThreads = sequencer.stepThreads;
  const originalStepThread = sequencer.stepThread;

  sequencer.stepThreads = function stepThreadsWithDeliveries(this: typeof sequencer) {
    listener.beforeFrame();
    return originalStepThreads.call(this);
  };
  sequencer.stepThread = function stepThreadWithDeliveries(this: typeof sequencer, thread: ScratchThread) {
    originalStepThread.call(this, thread);
    listener.afterThreadStep(thread);
  };

  return () => {
    sequencer.stepThreads = originalStepThreads;
    sequencer.stepThread = originalStepThread;
  };
}
