/**
 * A board on a USB serial port through Web Serial: one reader loop for the port's lifetime, whose
 * bytes go to the console or, during an upload, to the uploader's ReceiveBuffer. Web Serial exists
 * only in Chromium-based browsers and only on secure pages (https, localhost).
 */
import { LinkClosedError, ReceiveBuffer } from '../../../upload/receive-buffer';
import type { ByteLink } from '../../../upload/raw-repl';

/** The slice of the Web Serial API we use (lib.dom has no types for it yet). */
interface SerialPortLike {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
}
interface SerialLike {
  requestPort(options?: object): Promise<SerialPortLike>;
}

export type SerialAvailability = 'ok' | 'insecure' | 'browser';

export function serialAvailability(): SerialAvailability {
  if ('serial' in navigator) return 'ok';
  // Chromium hides navigator.serial on http pages that are not localhost.
  return window.isSecureContext ? 'browser' : 'insecure';
}

export type ChooseFailure = 'noPortChosen' | 'busy';

export class ChooseError extends Error {
  constructor(readonly failure: ChooseFailure) {
    super(failure);
  }
}

export class SerialBoardPort implements ByteLink {
  private uploadBuffer: ReceiveBuffer | null = null;
  private writer: WritableStreamDefaultWriter<Uint8Array> | null;
  private closedListeners: Array<() => void> = [];
  open = true;

  private constructor(
    private readonly port: SerialPortLike,
    private readonly toConsole: (bytes: Uint8Array) => void,
  ) {
    this.writer = port.writable?.getWriter() ?? null;
    void this.readLoop();
  }

  /** Asks the pupil to pick the board (needs a click) and opens it at MicroPython's 115,200 baud. */
  static async choose(toConsole: (bytes: Uint8Array) => void): Promise<SerialBoardPort> {
    const serial = (navigator as Navigator & { serial: SerialLike }).serial;
    let port: SerialPortLike;
    try {
      port = await serial.requestPort();
    } catch {
      throw new ChooseError('noPortChosen');
    }
    try {
      await port.open({ baudRate: 115200 });
    } catch {
      throw new ChooseError('busy');
    }
    return new SerialBoardPort(port, toConsole);
  }

  /** While an upload runs, incoming bytes are its answers, not console output. */
  get rx(): ReceiveBuffer {
    if (this.uploadBuffer === null) throw new Error('rx is only there during an upload');
    return this.uploadBuffer;
  }

  async duringUpload<T>(work: () => Promise<T>): Promise<T> {
    this.uploadBuffer = new ReceiveBuffer();
    if (!this.open) this.uploadBuffer.close();
    try {
      return await work();
    } finally {
      this.uploadBuffer = null;
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.writer === null || !this.open) throw new LinkClosedError('the port is closed');
    await this.writer.write(bytes);
  }

  onClosed(listener: () => void): void {
    this.closedListeners.push(listener);
  }

  async close(): Promise<void> {
    this.markClosed();
    try {
      this.writer?.releaseLock();
      await this.port.close();
    } catch {
      // Already gone (unplugged): nothing left to release.
    }
  }

  private markClosed(): void {
    if (!this.open) return;
    this.open = false;
    this.uploadBuffer?.close(new LinkClosedError('the board was disconnected'));
    this.closedListeners.forEach((listener) => listener());
  }

  private async readLoop(): Promise<void> {
    const reader = this.port.readable?.getReader();
    if (reader === undefined) return this.markClosed();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value === undefined || value.length === 0) continue;
        if (this.uploadBuffer !== null) this.uploadBuffer.push(value);
        else this.toConsole(value);
      }
    } catch {
      // A lost device ends the read with an error: same as a closed port.
    } finally {
      reader.releaseLock();
      this.markClosed();
    }
  }
}
