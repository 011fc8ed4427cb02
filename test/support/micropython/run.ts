/**
 * Runs a generated MicroPython program in the real interpreter with strict stand-in board modules
 * and returns what the program did: every stand-in call (in order, with the virtual time), what it
 * printed, and any Python error other than the harness's own StopProgram.
 */
import { runMicroPythonBatch } from './batch';

export interface Scenario {
  /** Stop the program after this many check_msg() calls (the main loop's heartbeat). */
  max_check_msg?: number;
  max_virtual_ms?: number;
  /** Lines input() returns; when they run out the program stops. */
  inputs?: string[];
  /** Keyed by check_msg() call number (1-based): messages to deliver or a dropped connection. */
  events?: Record<string, Array<{ topic: string; payload?: string; payload_bytes?: number[] } | { oserror: true }>>;
  /** Topic filters the broker refuses (SUBACK 0x80). */
  refuse_subscribe?: string[];
  /** One per connect(): 'ok', 'oserror' or 'refuse:<code>'. Default ok. */
  connect_results?: string[];
  /** Messages that arrive on the next check_msg() after the program publishes to a topic (a device answering). */
  after_publish?: Record<string, Array<{ topic: string; payload: string }>>;
  wifi_ok?: boolean;
}

export type Recorded = string | number | boolean | null | { bytes: string } | { callable: string } | Recorded[];

export interface Call {
  call: string;
  args: Recorded[];
  kwargs: Record<string, Recorded>;
  /** Virtual milliseconds since start. */
  t: number;
}

export interface RunResult {
  calls: Call[];
  stdout: string[];
  error: { type: string; message: string } | null;
  checkMsgCalls: number;
}

/**
 * One program in a fresh interpreter process: a batch of one (see batch.ts), so there is one runner.
 * `files` are put beside it (a board's root folder), e.g. the library main.py imports.
 */
export async function runMicroPython(program: string, scenario: Scenario = {}, timeoutMs = 20000, files: Record<string, string> = {}): Promise<RunResult> {
  const [result] = await runMicroPythonBatch([{ program, scenario, files }], timeoutMs);
  return result;
}

/** Decodes a recorded bytes value (the stand-ins record bytes as hex). */
export function bytesText(value: Recorded | undefined): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'bytes' in value) {
    return Buffer.from(value.bytes, 'hex').toString('utf8');
  }
  throw new Error(`not a bytes value: ${JSON.stringify(value)}`);
}

/** The calls of one kind, in order. */
export function callsOf(result: RunResult, name: string): Call[] {
  return result.calls.filter((call) => call.call === name);
}
