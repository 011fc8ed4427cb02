/**
 * The over-the-air program protocol between a sender (the board page, `mqtt-blocks send`) and the
 * classroom loader on a board (classroom_loader.py, which documents the same topics). DOM-free and
 * mqtt.js-free: topics, limits, message shapes and their parsing.
 */

export const BOARD_TOPIC_ROOT = 'mqtt-blocks/boards';
/** Largest program a board accepts (the loader enforces the same number). */
export const MAX_PROGRAM_BYTES = 65536;
/** File bytes per chunk message: with its header far below what umqtt.simple reads into RAM at once. */
export const CHUNK_BYTES = 1024;

/** Board names: letters, digits, `-` and `_` (they are part of MQTT topics and file names). */
export const BOARD_NAME = /^[A-Za-z0-9_-]{1,32}$/;

export const programTopic = (board: string): string => `${BOARD_TOPIC_ROOT}/${board}/program`;
export const progressTopic = (board: string): string => `${BOARD_TOPIC_ROOT}/${board}/progress`;
export const statusTopic = (board: string): string => `${BOARD_TOPIC_ROOT}/${board}/status`;
export const ALL_STATUS_TOPICS = `${BOARD_TOPIC_ROOT}/+/status`;

export interface BoardStatus {
  board: string;
  online: boolean;
  client?: string;
  free_memory?: number;
  free_flash?: number;
  max_bytes?: number;
  program?: { bytes: number; sha256: string } | null;
  /** running, ended, crashed */
  state?: string;
}

export type ProgressState = 'ready' | 'got' | 'swapped' | 'started' | 'restored' | 'error';

export interface BoardProgress {
  id: string | null;
  state: ProgressState;
  got?: number;
  error?: string;
  detail?: string;
  max_bytes?: number;
  free_flash?: number;
}

function parseJson(payload: Uint8Array | string): unknown {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
  } catch {
    return null;
  }
}

export function parseStatus(topic: string, payload: Uint8Array | string): BoardStatus | null {
  const match = /^mqtt-blocks\/boards\/([^/]+)\/status$/.exec(topic);
  const value = parseJson(payload);
  if (match === null || value === null || typeof value !== 'object') return null;
  const status = value as Partial<BoardStatus>;
  if (status.board !== match[1] || typeof status.online !== 'boolean') return null;
  return status as BoardStatus;
}

export function parseProgress(payload: Uint8Array | string): BoardProgress | null {
  const value = parseJson(payload);
  if (value === null || typeof value !== 'object') return null;
  const progress = value as Partial<BoardProgress>;
  if (typeof progress.state !== 'string') return null;
  return { ...progress, id: typeof progress.id === 'string' ? progress.id : null } as BoardProgress;
}

export function beginMessage(id: string, bytes: number, sha256: string): string {
  return JSON.stringify({ id, bytes, sha256 });
}

/** `<id> <offset>\n` followed by the bytes. */
export function chunkMessage(id: string, offset: number, bytes: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${id} ${offset}\n`);
  const message = new Uint8Array(header.length + bytes.length);
  message.set(header);
  message.set(bytes, header.length);
  return message;
}
