/**
 * The board's serial output, live: decoded as UTF-8 across read boundaries (a Chinese character
 * split between two reads stays one character), cut into lines, tracebacks shown as errors.
 * Bounded: the oldest lines go once MAX_LINES are shown.
 */
const MAX_LINES = 1000;

export type LineKind = 'output' | 'error' | 'note';

/** Classifies lines as they come: a traceback runs from its header to the "SomethingError: ..." line. */
export class TracebackTracker {
  private inTraceback = false;

  kind(line: string): LineKind {
    if (line.startsWith('Traceback (most recent call last):')) {
      this.inTraceback = true;
      return 'error';
    }
    if (this.inTraceback) {
      if (/^\s/.test(line)) return 'error';
      this.inTraceback = false;
      return 'error'; // the exception line ends it
    }
    return /^\w*(Error|Exception|KeyboardInterrupt)\b.*:/.test(line) ? 'error' : 'output';
  }
}

export class SerialConsole {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly tracker = new TracebackTracker();
  private partial = '';
  private partialElement: HTMLElement | null = null;

  constructor(private readonly log: HTMLElement) {}

  /** Bytes as they came from the port. */
  write(bytes: Uint8Array): void {
    this.text(this.decoder.decode(bytes, { stream: true }));
  }

  /** A line of our own (Stop, Run, disconnected), not from the board. */
  note(text: string): void {
    this.flushPartial();
    this.append(text, 'note');
  }

  clear(): void {
    this.log.replaceChildren();
    this.partial = '';
    this.partialElement = null;
  }

  private text(text: string): void {
    const parts = (this.partial + text.replace(/\r/g, '')).split('\n');
    this.partial = parts.pop() ?? '';
    if (this.partialElement !== null) {
      this.partialElement.remove();
      this.partialElement = null;
    }
    for (const line of parts) this.append(line, this.tracker.kind(line));
    // An unfinished line (a prompt such as ">>> ") shows at once.
    if (this.partial !== '') this.partialElement = this.append(this.partial, 'output');
  }

  private flushPartial(): void {
    if (this.partial === '') return;
    this.partialElement?.remove();
    this.append(this.partial, this.tracker.kind(this.partial));
    this.partial = '';
    this.partialElement = null;
  }

  private append(text: string, kind: LineKind): HTMLElement {
    const line = document.createElement('div');
    line.className = `console-line console-${kind}`;
    line.textContent = text;
    this.log.append(line);
    while (this.log.childElementCount > MAX_LINES) this.log.firstElementChild?.remove();
    this.log.scrollTop = this.log.scrollHeight;
    return line;
  }
}
