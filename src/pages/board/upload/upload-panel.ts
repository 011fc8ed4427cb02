/**
 * The board page's "Put it on the board" panel: USB upload through Web Serial (or why it is not
 * available here and what to do instead), the live board console with Stop and Run, and sending
 * the program over Wi-Fi to a board running the classroom loader.
 */
import { selfContained, type BoardProgram } from '../../../generators/program';
import { translate, translatePending, type Locale, type PendingMessage } from '../../../i18n/translate';
import { LoaderSettingsErrorClass, loaderFiles } from '../../../ota/loader-files';
import { MAX_PROGRAM_BYTES, type BoardStatus } from '../../../ota/ota-protocol';
import { explainSendError, explainSendProgress, explainUploadError, explainUsbProgress } from '../../../upload/explain';
import { UPLOAD_TEXT } from '../../../upload/upload-messages';
import { uploadToBoard, type BoardFile } from '../../../upload/usb-upload';
import { SerialConsole } from './serial-console';
import { UPLOAD_PAGE_TEXT } from './upload-page-text';
import { LOADER_SOURCE } from './loader-source';
import { ChooseError, SerialBoardPort, serialAvailability } from './web-serial';
import { WifiBoards } from './wifi-boards';
import { boardBrokerFrom } from '../broker-info';
import { fetchServerInfo } from '../../common/server-info';

type TextKey = keyof typeof UPLOAD_PAGE_TEXT;

const PANEL_HTML = `
<h2 class="panel-title" data-upload-text="heading"></h2>
<div class="upload-row">
  <button type="button" class="button button-primary" id="usb-upload" data-upload-text="usbUpload" aria-describedby="usb-unavailable"></button>
  <button type="button" class="button" id="usb-stop" data-upload-text="stop"></button>
  <button type="button" class="button" id="usb-run" data-upload-text="run"></button>
  <button type="button" class="button button-quiet" id="usb-disconnect" data-upload-text="disconnect" hidden></button>
</div>
<p class="upload-unavailable" id="usb-unavailable" hidden></p>
<p class="upload-status" id="upload-status" role="status"></p>
<div class="board-console" id="board-console" role="log" tabindex="0"><p class="console-empty" data-upload-text="consoleEmpty"></p></div>
<h3 class="panel-subtitle" data-upload-text="wifiHeading"></h3>
<form class="wifi-login" id="wifi-login" hidden>
  <p data-upload-text="wifiLogin"></p>
  <label><span data-upload-text="username"></span> <input id="wifi-username" autocomplete="username"></label>
  <label><span data-upload-text="password"></span> <input id="wifi-password" type="password" autocomplete="current-password"></label>
  <button type="submit" class="button" data-upload-text="logIn"></button>
</form>
<div class="upload-row">
  <label><span data-upload-text="wifiChoose"></span> <select id="wifi-board"></select></label>
  <button type="button" class="button" id="wifi-send" data-upload-text="wifiSend"></button>
</div>
<p class="wifi-note" id="wifi-note"></p>
<details class="loader-install" id="loader-install">
  <summary data-upload-text="installHeading"></summary>
  <p class="wifi-note" id="install-note"></p>
  <form class="wifi-login" id="install-form">
    <label><span data-upload-text="installBoard"></span> <input id="install-board" pattern="[A-Za-z0-9_-]{1,32}" required></label>
    <label><span data-upload-text="installWifi"></span> <input id="install-wifi" required></label>
    <label><span data-upload-text="installWifiPassword"></span> <input id="install-wifi-password" type="password"></label>
    <button type="submit" class="button" id="install-button" data-upload-text="installButton"></button>
  </form>
</details>
`;

export class UploadPanel {
  private port: SerialBoardPort | null = null;
  private busy = false;
  private status: { message: PendingMessage; kind: 'info' | 'error' } | null = null;
  private wifiNote: PendingMessage | null = null;
  private readonly console: SerialConsole;
  private readonly wifi = new WifiBoards();
  private boards: BoardStatus[] = [];
  private websocketUrl: string | null = null;
  /** mqtt://host:port for boards, known once the server said it listens on the classroom network. */
  private boardBroker: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private locale: Locale,
    /** The MicroPython program as it is now, or null while the blocks have an error. */
    private readonly currentProgram: () => BoardProgram | null,
  ) {
    root.innerHTML = PANEL_HTML;
    this.console = new SerialConsole(this.element('board-console'));
    this.element('usb-upload').addEventListener('click', () => void this.uploadUsb());
    this.element('usb-stop').addEventListener('click', () => void this.control('stop'));
    this.element('usb-run').addEventListener('click', () => void this.control('run'));
    this.element('usb-disconnect').addEventListener('click', () => void this.port?.close());
    this.element('wifi-send').addEventListener('click', () => void this.sendWifi());
    this.element('wifi-login').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.connectWifi();
    });
    this.element('install-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.installLoader();
    });
    this.wifi.onChange((boards) => {
      this.boards = boards;
      this.renderBoards();
    });
    this.render();
    void this.startWifi();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  private element<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = this.root.querySelector<T>(`#${id}`);
    if (found === null) throw new Error(`upload panel is missing #${id}`);
    return found;
  }

  private text(key: TextKey, params?: Record<string, string | number>): string {
    return translate(UPLOAD_PAGE_TEXT[key], this.locale, params);
  }

  private render(): void {
    for (const node of Array.from(this.root.querySelectorAll<HTMLElement>('[data-upload-text]'))) {
      node.textContent = this.text(node.dataset.uploadText as TextKey);
    }
    this.element('board-console').setAttribute('aria-label', this.text('consoleLabel'));
    const availability = serialAvailability();
    const unavailable = this.element('usb-unavailable');
    unavailable.hidden = availability === 'ok';
    unavailable.textContent = availability === 'ok' ? '' : translate(availability === 'insecure' ? UPLOAD_TEXT.noSerialInsecure : UPLOAD_TEXT.noSerialBrowser, this.locale);
    for (const id of ['usb-upload', 'usb-stop', 'usb-run']) this.element<HTMLButtonElement>(id).disabled = availability !== 'ok' || this.busy;
    this.element('usb-disconnect').hidden = this.port === null;
    const statusLine = this.element('upload-status');
    statusLine.textContent = this.status === null ? '' : translatePending(this.status.message, this.locale);
    statusLine.dataset.kind = this.status?.kind ?? 'info';
    statusLine.setAttribute('role', this.status?.kind === 'error' ? 'alert' : 'status');
    this.renderBoards();
  }

  private renderBoards(): void {
    const select = this.element<HTMLSelectElement>('wifi-board');
    const chosen = select.value;
    select.replaceChildren(
      ...this.boards.map((status) => {
        const option = document.createElement('option');
        option.value = status.board;
        option.textContent = this.text('boardEntry', {
          board: status.board,
          bytes: status.program?.bytes ?? 0,
          memory: Math.round((status.free_memory ?? 0) / 1024),
        });
        return option;
      }),
    );
    if (this.boards.some((status) => status.board === chosen)) select.value = chosen;
    const note = this.wifiNote ?? (this.boards.length === 0 ? { message: UPLOAD_PAGE_TEXT.wifiNone } : null);
    this.element('wifi-note').textContent = note === null ? '' : translatePending(note, this.locale);
    this.element<HTMLButtonElement>('wifi-send').disabled = this.boards.length === 0 || this.busy;
    const installNote = this.element('install-note');
    installNote.textContent = this.boardBroker === null ? this.text('installNeedsLan') : '';
    this.element<HTMLButtonElement>('install-button').disabled = this.boardBroker === null || this.busy || serialAvailability() !== 'ok';
  }

  private show(message: PendingMessage, kind: 'info' | 'error' = 'info'): void {
    this.status = { message, kind };
    this.render();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.render();
  }

  /** The open port, or a newly chosen one (the browser asks the pupil which device). */
  private async openPort(): Promise<SerialBoardPort | null> {
    if (this.port?.open) return this.port;
    try {
      const port = await SerialBoardPort.choose((bytes) => {
        this.root.querySelector('.console-empty')?.remove();
        this.console.write(bytes);
      });
      port.onClosed(() => {
        if (this.port === port) this.port = null;
        this.console.note(translate(UPLOAD_TEXT.consoleClosed, this.locale));
        this.render();
      });
      this.port = port;
      this.render();
      return port;
    } catch (error) {
      this.show({ message: error instanceof ChooseError ? UPLOAD_TEXT[error.failure] : UPLOAD_TEXT.noPortChosen }, 'error');
      return null;
    }
  }

  private programFiles(program: BoardProgram): BoardFile[] {
    const encoder = new TextEncoder();
    const files: BoardFile[] = [];
    // The library first and only when the board's copy differs: most uploads only write main.py.
    if (program.library !== null) files.push({ path: program.library.name, bytes: encoder.encode(program.library.text), onlyIfChanged: true });
    files.push({ path: program.main.name, bytes: encoder.encode(program.main.text) });
    return files;
  }

  private async uploadUsb(): Promise<void> {
    if (this.busy) return;
    const program = this.currentProgram();
    if (program === null) return this.show({ message: UPLOAD_TEXT.noProgram }, 'error');
    const port = await this.openPort();
    if (port === null) return;
    this.setBusy(true);
    try {
      const report = await port.duringUpload(() =>
        uploadToBoard(port, this.programFiles(program), { onProgress: (progress) => this.show(explainUsbProgress(progress)) }),
      );
      const skipped = report.skipped[0];
      this.show(skipped === undefined ? { message: UPLOAD_TEXT.done } : { message: UPLOAD_TEXT.doneSkipped, params: { file: skipped } });
    } catch (error) {
      this.show(explainUploadError(error), 'error');
    } finally {
      this.setBusy(false);
    }
  }

  private async control(action: 'stop' | 'run'): Promise<void> {
    if (this.busy) return;
    const port = await this.openPort();
    if (port === null) return;
    try {
      // Stop: Ctrl-C twice (a program may catch one). Run: leave any raw mode, then soft reset.
      await port.write(action === 'stop' ? Uint8Array.of(0x0d, 0x03, 0x03) : Uint8Array.of(0x03, 0x02, 0x04));
      this.console.note(translate(action === 'stop' ? UPLOAD_TEXT.consoleStopped : UPLOAD_TEXT.consoleRestarted, this.locale));
    } catch {
      this.show({ message: UPLOAD_TEXT.disconnected }, 'error');
    }
  }

  /** Writes the classroom loader (boot.py, classroom_loader.py, settings) by USB; main.py stays. */
  private async installLoader(): Promise<void> {
    if (this.busy || this.boardBroker === null) return;
    const board = this.element<HTMLInputElement>('install-board').value.trim();
    const wifi = this.element<HTMLInputElement>('install-wifi').value;
    let files: Record<string, string>;
    try {
      files = loaderFiles(
        {
          board,
          broker: this.boardBroker,
          username: this.element<HTMLInputElement>('wifi-username').value.trim() || undefined,
          password: this.element<HTMLInputElement>('wifi-password').value || undefined,
          wifi,
          wifiPassword: this.element<HTMLInputElement>('install-wifi-password').value,
        },
        LOADER_SOURCE,
      );
    } catch (error) {
      const failure = error instanceof LoaderSettingsErrorClass ? error.failure : 'badBoardName';
      const message = failure === 'noWifi' ? UPLOAD_TEXT.loaderNoWifi : failure === 'badBroker' ? UPLOAD_TEXT.loaderBadBroker : UPLOAD_TEXT.otaBadBoardName;
      return this.show({ message, params: { board, broker: this.boardBroker } }, 'error');
    }
    const port = await this.openPort();
    if (port === null) return;
    const encoder = new TextEncoder();
    this.setBusy(true);
    try {
      await port.duringUpload(() =>
        uploadToBoard(
          port,
          Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text), onlyIfChanged: true })),
          { onProgress: (progress) => this.show(explainUsbProgress(progress)) },
        ),
      );
      this.show({ message: UPLOAD_TEXT.loaderInstalled, params: { board, wifi } });
    } catch (error) {
      this.show(explainUploadError(error), 'error');
    } finally {
      this.setBusy(false);
    }
  }

  private async startWifi(): Promise<void> {
    const info = await fetchServerInfo().catch(() => null);
    if (info === null) {
      this.wifiNote = { message: UPLOAD_PAGE_TEXT.wifiUnavailable };
      return this.renderBoards();
    }
    this.websocketUrl = info.websocketUrl;
    const broker = boardBrokerFrom(info);
    if (broker?.lan === true) {
      this.boardBroker = broker.url;
      this.renderBoards();
    }
    if (info.authRequired) {
      this.element('wifi-login').hidden = false;
      return;
    }
    await this.connectWifi();
  }

  private async connectWifi(): Promise<void> {
    if (this.websocketUrl === null) return;
    const username = this.element<HTMLInputElement>('wifi-username').value.trim();
    const password = this.element<HTMLInputElement>('wifi-password').value;
    try {
      await this.wifi.start(this.websocketUrl, username === '' ? undefined : { username, password });
      this.element('wifi-login').hidden = true;
      this.wifiNote = null;
    } catch {
      this.wifiNote = { message: UPLOAD_PAGE_TEXT.wifiRefused };
    }
    this.renderBoards();
  }

  private async sendWifi(): Promise<void> {
    if (this.busy) return;
    const board = this.element<HTMLSelectElement>('wifi-board').value;
    if (board === '') return;
    const program = this.currentProgram();
    if (program === null) return this.show({ message: UPLOAD_TEXT.noProgram }, 'error');
    // Over the air the board gets one self-contained file (the loader keeps one program).
    const bytes = new TextEncoder().encode(selfContained(program));
    this.setBusy(true);
    try {
      await this.wifi.send(board, bytes, { onProgress: (progress) => this.show(explainSendProgress(progress, board)) });
      this.show({ message: UPLOAD_TEXT.otaStarted, params: { board } });
    } catch (error) {
      this.show(explainSendError(error, board, bytes.length, MAX_PROGRAM_BYTES), 'error');
    } finally {
      this.setBusy(false);
    }
  }
}
