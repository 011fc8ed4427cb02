/**
 * The board page's simulator panel: "Run in simulator" and "Stop", the pins, the console and its
 * input line. It asks the page for the MicroPython program at each run (main.py and its library,
 * unchanged) and tells the page which block to highlight when an error's line is known.
 */
import type { PendingMessage } from '../../../../blocks/types';
import { translate, type Locale } from '../../../i18n/translate';
import { fetchServerInfo } from '../../common/server-info';
import { mainPyLine, type LineMap } from './line-map';
import { PinPanel } from './pin-panel';
import type { BoardEvent, ProgramFile } from './protocol';
import { SimulatorConsole } from './simulator-console';
import { SimulatorHost } from './simulator-host';
import { SIMULATOR_TEXT } from './simulator-text';
import { TracebackScanner } from './traceback-scanner';

export type SimulatorProgram = { ok: true; files: ProgramFile[]; lineMap: () => LineMap | null } | { ok: false; reason: PendingMessage };

export interface SimulatorPage {
  /** The MicroPython program as it is now. */
  program(): SimulatorProgram;
  /** Highlights a block of the workspace (null: none). */
  highlight(blockId: string | null): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** The classroom server tells pages its WebSocket broker address; the page's own host is the fallback. */
async function classroomBrokerUrl(): Promise<string> {
  try {
    return (await fetchServerInfo()).websocketUrl;
  } catch {
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
  }
}

export class SimulatorPanel {
  private readonly host: SimulatorHost;
  private readonly console: SimulatorConsole;
  private readonly pins: PinPanel;
  private readonly heading = element('h2', 'simulator-heading', { id: 'simulator-heading' });
  private readonly runButton = element('button', 'button button-primary', { type: 'button', id: 'simulator-run' });
  private readonly stopButton = element('button', 'button', { type: 'button', id: 'simulator-stop' });
  private readonly log = element('div', 'simulator-console', { role: 'log', tabindex: '0', id: 'simulator-output' });
  private readonly inputForm = element('form', 'simulator-input');
  private readonly inputField = element('input', 'simulator-input-field', { type: 'text', autocomplete: 'off', maxlength: '4096' });
  private readonly sendButton = element('button', 'button', { type: 'submit' });
  private readonly inputHint = element('p', 'simulator-input-hint', { role: 'status' });
  private lineMap: (() => LineMap | null) | null = null;
  private readonly tracebacks = new TracebackScanner();
  /** main.py lines whose script error this run has explained already (a failing hat may fail on every message). */
  private readonly explainedLines = new Set<number>();
  private waitingForInput = false;

  constructor(
    root: HTMLElement,
    private locale: Locale,
    private readonly page: SimulatorPage,
  ) {
    const bar = element('div', 'simulator-bar');
    bar.append(this.heading, this.runButton, this.stopButton);
    const pinsRoot = element('div', 'simulator-pins');
    this.inputForm.append(this.inputField, this.sendButton);
    root.setAttribute('aria-labelledby', 'simulator-heading');
    root.replaceChildren(bar, pinsRoot, this.log, this.inputForm, this.inputHint);
    this.console = new SimulatorConsole(this.log, locale, SIMULATOR_TEXT.consoleEmpty);
    this.host = new SimulatorHost(
      {
        output: (text) => this.showOutput(text),
        event: (event) => this.onEvent(event),
        pins: (state) => this.pins.show(state),
        wantsInput: (waiting) => this.showInputWaiting(waiting),
        running: (running) => this.showRunning(running),
        bootFailed: (detail) => this.console.note(SIMULATOR_TEXT.bootFailed, { detail }, 'error'),
        redirected: (server, url) => this.console.note(SIMULATOR_TEXT.redirected, { server, url }),
        dropped: (count, limit) => this.console.note(SIMULATOR_TEXT.dropped, { count, limit }, 'error'),
        tooBig: (topic, bytes) => this.console.note(SIMULATOR_TEXT.tooBig, { topic, bytes }, 'error'),
      },
      classroomBrokerUrl,
    );
    this.pins = new PinPanel(pinsRoot, locale, (pin, pressed) => this.host.press(pin, pressed));
    this.runButton.addEventListener('click', () => void this.run());
    this.stopButton.addEventListener('click', () => void this.host.stop());
    this.inputForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.host.typeLine(this.inputField.value);
      this.console.output(`${this.inputField.value}\n`);
      this.inputField.value = '';
    });
    this.showRunning(false);
    this.renderTexts();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.console.setLocale(locale);
    this.pins.setLocale(locale);
    this.renderTexts();
  }

  /** Runs hand-written files (main.py first) as "Run in simulator" runs the generated ones: for tests and DevTools. */
  async runFiles(files: ProgramFile[]): Promise<void> {
    await this.start({ ok: true, files, lineMap: () => null });
  }

  private async run(): Promise<void> {
    await this.start(this.page.program());
  }

  private async start(program: SimulatorProgram): Promise<void> {
    this.page.highlight(null);
    this.console.clear();
    this.pins.reset();
    if (!program.ok) {
      this.console.note(SIMULATOR_TEXT.noCode, { reason: program.reason }, 'error');
      return;
    }
    if (typeof SharedArrayBuffer === 'undefined' || !crossOriginIsolated) {
      this.console.note(SIMULATOR_TEXT.notIsolated, {}, 'error');
      return;
    }
    this.lineMap = program.lineMap;
    this.tracebacks.reset();
    this.explainedLines.clear();
    this.console.note(SIMULATOR_TEXT.starting, { id: `mqtt-blocks-${this.host.uniqueIdHex}` });
    await this.host.run(program.files);
  }

  private onEvent(event: BoardEvent): void {
    switch (event.kind) {
      case 'wifi':
        this.console.note(SIMULATOR_TEXT.wifi, { ssid: event.ssid });
        return;
      case 'finished':
        this.console.note(SIMULATOR_TEXT.finished);
        return;
      case 'stopped':
        this.console.note(SIMULATOR_TEXT.stopped);
        return;
      case 'reset':
        this.console.note(SIMULATOR_TEXT.reset);
        return;
      case 'missing':
        this.highlightLine(mainPyLine(event.traceback));
        this.console.note(SIMULATOR_TEXT.missing, { name: event.name }, 'error');
        return;
      case 'error': {
        this.console.traceback(event.traceback);
        const line = mainPyLine(event.traceback);
        this.highlightLine(line);
        if (line === null) this.console.note(SIMULATOR_TEXT.errorNoLine, {}, 'error');
        else this.console.note(SIMULATOR_TEXT.error, { line }, 'error');
        return;
      }
    }
  }

  /** The program's output, with the tracebacks it prints itself shown as errors and their blocks highlighted. */
  private showOutput(text: string): void {
    const { pieces, tracebacks } = this.tracebacks.push(text);
    for (const piece of pieces) this.console.output(piece.text, piece.kind === 'traceback' ? 'error' : 'plain');
    for (const traceback of tracebacks) {
      const line = mainPyLine(traceback);
      if (line === null) continue;
      this.highlightLine(line);
      if (this.explainedLines.has(line)) continue;
      this.explainedLines.add(line);
      this.console.note(SIMULATOR_TEXT.scriptError, { line }, 'error');
    }
  }

  private highlightLine(line: number | null): void {
    if (line === null) return;
    const blockId = this.lineMap?.()?.get(line);
    if (blockId !== undefined) this.page.highlight(blockId);
  }

  private showRunning(running: boolean): void {
    this.stopButton.disabled = !running;
    this.inputField.disabled = !running;
    this.sendButton.disabled = !running;
    this.runButton.classList.toggle('is-running', running);
  }

  private showInputWaiting(waiting: boolean): void {
    this.waitingForInput = waiting;
    this.inputForm.classList.toggle('is-waiting', waiting);
    this.renderTexts();
  }

  private renderTexts(): void {
    const t = (message: (typeof SIMULATOR_TEXT)[keyof typeof SIMULATOR_TEXT]): string => translate(message, this.locale);
    this.heading.textContent = t(SIMULATOR_TEXT.heading);
    this.runButton.textContent = t(SIMULATOR_TEXT.run);
    this.stopButton.textContent = t(SIMULATOR_TEXT.stop);
    this.log.setAttribute('aria-label', t(SIMULATOR_TEXT.consoleLabel));
    this.inputField.setAttribute('aria-label', t(SIMULATOR_TEXT.inputLabel));
    this.inputField.placeholder = t(SIMULATOR_TEXT.inputLabel);
    this.sendButton.textContent = t(SIMULATOR_TEXT.send);
    this.inputHint.textContent = this.waitingForInput ? t(SIMULATOR_TEXT.inputWaiting) : '';
    // Notes elsewhere on the page (the Python tab says the simulator runs MicroPython only).
    for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-simulator-text]'))) {
      const key = node.dataset.simulatorText as keyof typeof SIMULATOR_TEXT | undefined;
      if (key !== undefined && key in SIMULATOR_TEXT) node.textContent = t(SIMULATOR_TEXT[key]);
    }
  }
}
