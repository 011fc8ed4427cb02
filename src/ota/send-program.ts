/**
 * Sends a program to a board's classroom loader through the broker, with an mqtt.js client that
 * is already connected (Node for the CLI, WebSocket in the board page): begin, then one chunk at
 * a time, each acknowledged by the board, then the board's verdict (swapped, then started or
 * restored). Every wait is bounded; every refusal comes back as a SendError the caller explains.
 */
import type { MqttClient } from 'mqtt';
import { sha256Hex } from '../upload/sha256';
import {
  beginMessage,
  BOARD_NAME,
  chunkMessage,
  CHUNK_BYTES,
  MAX_PROGRAM_BYTES,
  parseProgress,
  parseStatus,
  programTopic,
  progressTopic,
  statusTopic,
  type BoardProgress,
  type BoardStatus,
} from './ota-protocol';

export type SendFailure =
  | 'badBoardName'
  | 'tooBig'
  | 'empty'
  | 'offline'
  | 'noAnswer'
  | 'notAllowed'
  /** The board refused: error is the loader's code (hash, full, too-big, size, order, timeout, ...). */
  | 'refused'
  /** The new program crashed at start; the board put the previous one back. */
  | 'restored';

export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    readonly detail: string = '',
    readonly progress?: BoardProgress,
  ) {
    super(`${failure}${detail ? `: ${detail}` : ''}`);
    this.name = 'SendError';
  }
}

export interface SendProgress {
  stage: 'checking' | 'sending' | 'verifying' | 'restarting' | 'started';
  sentBytes: number;
  totalBytes: number;
}

export interface SendOptions {
  onProgress?: (progress: SendProgress) => void;
  /** Longest wait for any one answer from the board. */
  answerMs?: number;
  /** Longest wait for the new program to prove itself after the restart (the loader's trial time plus a reboot). */
  startMs?: number;
  /** Do not wait for "started" (the board said "swapped" and restarts). */
  skipStartCheck?: boolean;
}

export interface SendResult {
  bytes: number;
  sha256: string;
  /** Whether the board reported the new program running past its trial time. */
  started: boolean;
}

function transferId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 0xffffff).toString(36)}`;
}

/** Messages on one topic, awaited one by one with a time bound. */
class Inbox<T> {
  private queue: T[] = [];
  private waiter: ((value: T | null) => void) | null = null;
  push(value: T): void {
    if (this.waiter !== null) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(value);
    } else if (this.queue.length < 1000) {
      this.queue.push(value);
    }
  }
  next(timeoutMs: number): Promise<T | null> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(null);
      }, timeoutMs);
      this.waiter = (value) => {
        clearTimeout(timer);
        resolve(value);
      };
    });
  }
}

function subscribe(client: MqttClient, topic: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.subscribe(topic, { qos: 1 }, (error, granted) => {
      if (error) reject(new SendError('notAllowed', error.message));
      else if (granted?.some((grant) => grant.qos === 128)) reject(new SendError('notAllowed', `subscribing to ${topic} was refused`));
      else resolve();
    });
  });
}

function publish(client: MqttClient, topic: string, payload: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    client.publish(topic, payload as string | Buffer, { qos: 1 }, (error) => (error ? reject(new SendError('notAllowed', error.message)) : resolve()));
  });
}

/** The board's retained status, or null if it never announced itself. */
export async function readBoardStatus(client: MqttClient, board: string, timeoutMs = 3000): Promise<BoardStatus | null> {
  const inbox = new Inbox<BoardStatus>();
  const topic = statusTopic(board);
  const onMessage = (messageTopic: string, payload: Buffer): void => {
    if (messageTopic !== topic) return;
    const status = parseStatus(messageTopic, payload);
    if (status !== null) inbox.push(status);
  };
  client.on('message', onMessage);
  try {
    await subscribe(client, topic);
    return await inbox.next(timeoutMs);
  } finally {
    client.removeListener('message', onMessage);
    client.unsubscribe(topic);
  }
}

export async function sendProgram(client: MqttClient, board: string, program: Uint8Array, options: SendOptions = {}): Promise<SendResult> {
  const answerMs = options.answerMs ?? 15000;
  if (!BOARD_NAME.test(board)) throw new SendError('badBoardName', board);
  if (program.length === 0) throw new SendError('empty');
  if (program.length > MAX_PROGRAM_BYTES) throw new SendError('tooBig', `${program.length} > ${MAX_PROGRAM_BYTES}`);
  const total = program.length;
  const report = (stage: SendProgress['stage'], sentBytes: number): void => options.onProgress?.({ stage, sentBytes, totalBytes: total });

  report('checking', 0);
  const status = await readBoardStatus(client, board);
  if (status === null || !status.online) throw new SendError('offline', board);
  if (typeof status.max_bytes === 'number' && total > status.max_bytes) throw new SendError('tooBig', `${total} > ${status.max_bytes}`);

  const id = transferId();
  const sha256 = sha256Hex(program);
  const inbox = new Inbox<BoardProgress>();
  const topic = progressTopic(board);
  const onMessage = (messageTopic: string, payload: Buffer): void => {
    if (messageTopic !== topic) return;
    const progress = parseProgress(payload);
    if (progress !== null && progress.id === id) inbox.push(progress);
  };
  client.on('message', onMessage);
  const expect = async (states: string[], timeoutMs = answerMs): Promise<BoardProgress> => {
    const progress = await inbox.next(timeoutMs);
    if (progress === null) throw new SendError('noAnswer', `no answer from ${board} (waited for ${states.join('/')})`);
    if (progress.state === 'restored') throw new SendError('restored', progress.detail ?? '', progress);
    if (progress.state === 'error') throw new SendError('refused', progress.error ?? 'error', progress);
    if (!states.includes(progress.state)) throw new SendError('refused', `unexpected ${progress.state}`, progress);
    return progress;
  };
  try {
    await subscribe(client, topic);
    await publish(client, programTopic(board), beginMessage(id, total, sha256));
    await expect(['ready']);
    let sent = 0;
    report('sending', 0);
    while (sent < total) {
      const piece = program.subarray(sent, sent + CHUNK_BYTES);
      await publish(client, programTopic(board), chunkMessage(id, sent, piece));
      sent += piece.length;
      // The last chunk is answered by the verdict instead of "got".
      if (sent < total) {
        const got = await expect(['got']);
        if (got.got !== sent) throw new SendError('refused', `board has ${got.got} bytes, sent ${sent}`, got);
        report('sending', sent);
      }
    }
    report('verifying', sent);
    await expect(['swapped']);
    report('restarting', sent);
    if (options.skipStartCheck) return { bytes: total, sha256, started: false };
    await expect(['started'], options.startMs ?? 60000);
    report('started', sent);
    return { bytes: total, sha256, started: true };
  } finally {
    client.removeListener('message', onMessage);
    client.unsubscribe(topic);
  }
}
