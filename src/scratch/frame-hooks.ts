/**
 * Hooks into scratch-vm's frame so message deliveries run at the right moments:
 * - before each frame's thread stepping: start scripts that have messages waiting;
 * - after each thread step: chain the next message of a script that just finished.
 *
 * Other extensions and add-ons hook the same VM, so ours must play well with them:
 * - TurboWarp's fork emits BEFORE_EXECUTE right before it steps the threads: we listen to it.
 *   Vanilla scratch-vm has no per-frame event, so there we wrap `sequencer.stepThreads`.
 * - Neither has a per-thread event, so both get a wrapper around `sequencer.stepThread`.
 * - Removing a wrapper puts the previous method back only while ours is still the installed one.
 *   If someone wrapped it after us, theirs stays in place and ours turns into a pass-through.
 */
import type { ScratchRuntime, ScratchSequencer, ScratchThread } from './scratch-types';

export interface FrameListener {
  beforeFrame(): void;
  afterThreadStep(thread: ScratchThread): void;
}

/** TurboWarp's Runtime has the static event name BEFORE_EXECUTE; vanilla scratch-vm's has not. */
function beforeExecuteEvent(runtime: ScratchRuntime): string | null {
  const event = (runtime.constructor as { BEFORE_EXECUTE?: unknown }).BEFORE_EXECUTE;
  return typeof event === 'string' ? event : null;
}

export function installFrameHooks(runtime: ScratchRuntime, listener: FrameListener): () => void {
  const sequencer = runtime.sequencer;
  // Once removed, a wrapper that another one now sits on top of stays in the chain as a pass-through.
  let active = true;
  const restorers: Array<() => void> = [];

  const event = beforeExecuteEvent(runtime);
  if (event !== null) {
    const onBeforeExecute = () => listener.beforeFrame();
    runtime.on(event, onBeforeExecute);
    restorers.push(() => runtime.removeListener(event, onBeforeExecute));
  } else {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this): the sequencer stays the receiver
    const previousStepThreads = sequencer.stepThreads;
    restorers.push(
      replaceMethod(sequencer, 'stepThreads', function stepThreadsWithDeliveries(this: ScratchSequencer) {
        if (active) listener.beforeFrame();
        return previousStepThreads.call(this);
      }),
    );
  }
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this): the sequencer stays the receiver
  const previousStepThread = sequencer.stepThread;
  restorers.push(
    replaceMethod(sequencer, 'stepThread', function stepThreadWithDeliveries(this: ScratchSequencer, thread: ScratchThread) {
      previousStepThread.call(this, thread);
      if (active) listener.afterThreadStep(thread);
    }),
  );
  return () => {
    active = false;
    for (const restore of restorers.splice(0)) restore();
  };
}

/**
 * Installs `replacement` as `sequencer[name]`. The returned function puts the previous method back,
 * but only while `replacement` is still the installed one: a wrapper added after ours is kept.
 */
function replaceMethod<K extends 'stepThreads' | 'stepThread'>(
  sequencer: ScratchSequencer,
  name: K,
  replacement: ScratchSequencer[K],
): () => void {
  const hadOwn = Object.prototype.hasOwnProperty.call(sequencer, name);
  const previous = sequencer[name];
  sequencer[name] = replacement;
  return () => {
    if (sequencer[name] !== replacement) return; // wrapped again after us: leave theirs alone
    if (hadOwn) sequencer[name] = previous;
    else delete (sequencer as Partial<ScratchSequencer>)[name]; // back to the prototype's own method
  };
}
