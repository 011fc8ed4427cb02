/**
 * Runs "when message received on [TOPIC]" scripts once per matching message, in arrival order.
 *
 * Peers keep one "last message" slot and poll an edge-triggered hat, so bursts collapse to the last
 * message. Here every script instance (script × sprite or clone) has its own bounded queue; its
 * messages start the script one after another, each thread carrying its own message, so `message`
 * inside the script is that message even when more arrive while it waits.
 *
 * Speed: when a delivery thread finishes and its queue is not empty, the next message starts right
 * away inside the same frame's work budget (unless a redraw was requested), so a script that does not
 * redraw is not limited to one message per frame. What is left waits for the next frame.
 */
import { FilterIndex, topicFilterProblem } from '../session/topic-filter';
import type { ReceivedMessage } from '../session/mqtt-session';
import { topicProblemMessage } from '../session/topic-problem-messages';
import { MESSAGES } from '../i18n/messages';
import type { PendingMessage } from '../i18n/translate';
import { BoundedQueue } from '../session/delivery-queue';
import { THREAD_STATUS_DONE, type ScratchRuntime, type ScratchTarget, type ScratchThread } from './scratch-types';

/** Messages kept waiting per script instance before the oldest are dropped (and counted). */
export const QUEUE_BOUND = 1000;

interface HatScript {
  readonly target: ScratchTarget;
  readonly topBlockId: string;
  readonly filter: string;
  /** Identifies the script instance (sprite or clone × script) across index rebuilds. */
  readonly key: string;
}

interface ScriptState {
  readonly script: HatScript;
  readonly queue: BoundedQueue<ReceivedMessage>;
  thread: ScratchThread | null;
}

export class HatDispatcher {
  private index = new FilterIndex<HatScript>();
  private indexIsStale = true;
  private readonly states = new Map<string, ScriptState>();
  private readonly threadMessages = new WeakMap<ScratchThread, ReceivedMessage>();
  private readonly threadStates = new WeakMap<ScratchThread, ScriptState>();
  /** Drops of queues that were cleared (stop sign) are kept here so the total never goes down. */
  private droppedBeforeClear = 0;
  private filters = new Set<string>();
  /** Why some hat can never run, as of the last index rebuild (null when all hats are fine). */
  hatProblem: PendingMessage | null = null;

  constructor(
    private readonly runtime: ScratchRuntime,
    private readonly hatOpcode: string,
    /** Told whenever the set of literal hat topics may have changed (to subscribe them). */
    private readonly onHatFiltersChanged: (filters: Set<string>) => void,
    /** Told about a hat that can never run (no typed topic, or an invalid one), so the pupil learns why. */
    private readonly onHatProblem: (problem: PendingMessage) => void = () => undefined,
  ) {}

  /** Call when scripts, sprites or clones change: the index is rebuilt on next use. */
  markScriptsChanged(): void {
    this.indexIsStale = true;
  }

  /** The literal topics of all hats, rebuilding the index if scripts changed. */
  hatFilters(): Set<string> {
    this.refreshIndex();
    return this.filters;
  }

  private refreshIndex(): void {
    if (!this.indexIsStale) return;
    this.indexIsStale = false;
    const index = new FilterIndex<HatScript>();
    const filters = new Set<string>();
    const liveKeys = new Set<string>();
    let problem: PendingMessage | null = null;
    this.runtime.allScriptsByOpcodeDo(this.hatOpcode, (script, target) => {
      const filter = literalTopicOf(target, script.blockId);
      if (filter === null) {
        problem ??= { message: MESSAGES.hatTopicNotTyped };
        return;
      }
      const filterProblem = topicFilterProblem(filter);
      if (filterProblem !== null) {
        problem ??= topicProblemMessage(filterProblem, filter);
        return;
      }
      const hat: HatScript = { target, topBlockId: script.blockId, filter, key: `${target.id}\u0000${script.blockId}` };
      index.add(filter, hat);
      filters.add(filter);
      liveKeys.add(hat.key);
    });
    // Forget queues of scripts that were deleted or whose topic changed.
    for (const [key, state] of this.states) {
      if (!liveKeys.has(key)) {
        this.droppedBeforeClear += state.queue.dropped;
        this.states.delete(key);
      }
    }
    this.index = index;
    this.hatProblem = problem;
    if (problem) this.onHatProblem(problem);
    const changed = filters.size !== this.filters.size || Array.from(filters).some((f) => !this.filters.has(f));
    this.filters = filters;
    if (changed) this.onHatFiltersChanged(filters);
  }

  /** Queues `message` for every matching script instance and starts the idle ones. */
  deliver(message: ReceivedMessage): void {
    this.refreshIndex();
    for (const hat of this.index.match(message.topic)) {
      const state = this.stateFor(hat);
      state.queue.push(message);
      if (!this.isRunning(state)) this.startNext(state);
    }
  }

  private stateFor(hat: HatScript): ScriptState {
    let state = this.states.get(hat.key);
    if (!state || state.script.target !== hat.target) {
      state = { script: hat, queue: new BoundedQueue(QUEUE_BOUND), thread: null };
      this.states.set(hat.key, state);
    }
    return state;
  }

  private isRunning(state: ScriptState): boolean {
    const thread = state.thread;
    return thread !== null && !thread.isKilled && thread.status !== THREAD_STATUS_DONE && thread.stack.length > 0;
  }

  private startNext(state: ScriptState): void {
    const message = state.queue.shift();
    if (!message) return;
    const thread = this.runtime._pushThread(state.script.topBlockId, state.script.target);
    this.threadMessages.set(thread, message);
    this.threadStates.set(thread, state);
    state.thread = thread;
  }

  /** The message a delivery thread was started for; undefined for any other thread. */
  messageOf(thread: ScratchThread | undefined): ReceivedMessage | undefined {
    return thread ? this.threadMessages.get(thread) : undefined;
  }

  /**
   * After the sequencer stepped a thread: if it was a delivery that just finished, start the next
   * queued message of its script now, while this frame still has work time and needs no redraw.
   */
  afterThreadStep(thread: ScratchThread): void {
    const state = this.threadStates.get(thread);
    if (!state || state.thread !== thread || this.isRunning(state) || state.queue.size === 0) return;
    if (!this.frameHasTimeLeft()) return;
    this.startNext(state);
  }

  /** At the start of a frame: give every idle script with waiting messages its next one. */
  startWaitingScripts(): void {
    for (const state of this.states.values()) {
      if (state.queue.size > 0 && !this.isRunning(state)) this.startNext(state);
    }
  }

  private frameHasTimeLeft(): boolean {
    const runtime = this.runtime;
    if (!runtime.turboMode && runtime.redrawRequested) return false;
    const workTime = 0.75 * (runtime.currentStepTime || 1000 / 30);
    return runtime.sequencer.timer.timeElapsed() < workTime;
  }

  /** Messages dropped because a script could not keep up, in total. */
  get droppedCount(): number {
    let total = this.droppedBeforeClear;
    for (const state of this.states.values()) total += state.queue.dropped;
    return total;
  }

  /** Stop sign: waiting messages and running deliveries go; the connection and drop count stay. */
  clearQueues(): void {
    for (const state of this.states.values()) this.droppedBeforeClear += state.queue.dropped;
    this.states.clear();
  }

  /** A new project: everything, including the drop count, starts from zero. */
  reset(): void {
    this.states.clear();
    this.droppedBeforeClear = 0;
    // Forget the old project's topics too, so the new project's hats are announced even when equal.
    this.filters = new Set();
    this.indexIsStale = true;
  }
}

/**
 * The topic typed into a hat, or null when a reporter covers the input: such a topic is only known
 * while a script runs, so it cannot decide which scripts a message starts.
 */
function literalTopicOf(target: ScratchTarget, hatId: string): string | null {
  const hat = target.blocks.getBlock(hatId);
  const input = hat?.inputs.TOPIC;
  if (!input || !input.block || input.block !== input.shadow) return null;
  const shadow = target.blocks.getBlock(input.block);
  const field = shadow ? Object.values(shadow.fields)[0] : undefined;
  return field === undefined ? null : String(field.value);
}
