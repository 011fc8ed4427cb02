/**
 * Finds the tracebacks a running program prints itself. The board library catches an error in a
 * hat's script, prints it with the standard traceback and goes on (one failing script must not stop
 * the others or the connection), so no error event comes: the page reads the traceback from the
 * output to show it as an error and highlight the block of its main.py line.
 *
 * Output arrives in pieces cut anywhere, and nothing is held back (a prompt without a newline shows
 * at once): each piece is only classified. A traceback runs from its header line to the first line
 * that does not start with a space (the exception line).
 */

export interface OutputPiece {
  kind: 'output' | 'traceback';
  text: string;
}

export interface ScannedOutput {
  pieces: OutputPiece[];
  /** Tracebacks completed in this piece of output, each whole (its innermost lines kept if long). */
  tracebacks: string[];
}

const HEADER = 'Traceback (most recent call last):';
/** A traceback's text kept for finding its line: the innermost frames are at its end. */
const MAX_KEPT = 8 * 1024;

export class TracebackScanner {
  /** The start of the current line so far: enough to see a header that came in two pieces, and a line's first character. */
  private lineSoFar = '';
  /** The traceback being printed, or null. */
  private current: string | null = null;

  push(text: string): ScannedOutput {
    const pieces: OutputPiece[] = [];
    const tracebacks: string[] = [];
    for (const segment of text.match(/[^\n]*\n|[^\n]+/g) ?? []) {
      const complete = segment.endsWith('\n');
      const line = this.lineSoFar + segment;
      this.lineSoFar = complete ? '' : line.slice(0, HEADER.length + 2);
      let kind: OutputPiece['kind'] = 'output';
      if (this.current === null) {
        if (complete && line.trim() === HEADER) {
          this.current = `${HEADER}\n`;
          kind = 'traceback';
        }
      } else {
        kind = 'traceback';
        this.current = (this.current + segment).slice(-MAX_KEPT);
        if (complete && !/^\s/.test(line)) {
          tracebacks.push(this.current);
          this.current = null;
        }
      }
      const last = pieces[pieces.length - 1];
      if (last !== undefined && last.kind === kind) last.text += segment;
      else pieces.push({ kind, text: segment });
    }
    return { pieces, tracebacks };
  }

  /** A new run: nothing of the last one's output continues. */
  reset(): void {
    this.lineSoFar = '';
    this.current = null;
  }
}
