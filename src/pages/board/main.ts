/**
 * Entry of the board editor page (/board/): wires the Blockly editor, the live code tabs, file
 * save/open, autosave, the language switch, the broker address and the message monitor.
 * Each of those lives in its own module; this file only connects them.
 */
import type { PendingMessage } from '../../../blocks/types';
import { translatePending, type Locale } from '../../i18n/translate';
import { bindLanguageSwitch } from '../common/language-switch';
import { downloadText } from '../common/browser-file';
import { initialLocale, rememberLocale } from '../common/locale-choice';
import { applyPageTexts } from '../common/page-text';
import { MonitorPanel } from '../monitor/monitor-panel';
import { Autosave } from './autosave';
import { BlockWarnings } from './block-warnings';
import { BOARD_MESSAGES, BOARD_TEXT } from './board-text';
import { fetchBoardBroker } from './broker-info';
import type { BoardProgram } from '../../generators/program';
import { generateCode, TARGETS } from './code-generation';
import { CodePanel } from './code-panel';
import { BoardEditor } from './editor';
import { Notice } from './notice';
import { mountSimulator } from './simulator/board-simulator';
import { UploadPanel } from './upload/upload-panel';
import { BoardExamplesMenu } from './examples-menu';
import { MAX_FILE_BYTES, parseWorkspaceFile, SAVE_FILE_NAME, serializeWorkspace } from './workspace-file';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`Board page is missing #${id}`);
  return element as T;
}

const damaged = (error: unknown): PendingMessage => {
  const detail = error instanceof Error ? error.message : String(error);
  return { message: BOARD_MESSAGES.damaged, params: { detail } };
};
/** "Could not open NAME: REASON Your blocks were not changed." */
const notOpened = (name: string, reason: PendingMessage): PendingMessage => ({ message: BOARD_MESSAGES.notOpened, params: { name, reason } });

/** Loads the blocks kept from the last visit; a copy that no longer loads is set aside, not lost. */
function restoreAutosave(editor: BoardEditor, notice: Notice): void {
  const saved = Autosave.saved();
  if (saved === null) return;
  const parsed = parseWorkspaceFile(saved, (type) => editor.isKnownBlockType(type));
  try {
    if (!parsed.ok) throw new Error(translatePending(parsed.reason, 'en'));
    editor.load(parsed.state);
  } catch {
    Autosave.keepUnreadable(saved);
    notice.show({ message: BOARD_MESSAGES.restoreFailed }, 'error');
  }
}

function start(): void {
  let locale: Locale = initialLocale();
  const notice = new Notice(byId('notice'), locale);
  const editor = new BoardEditor(byId('blockly'), locale);
  const codePanel = new CodePanel(byId('code-panel'), TARGETS, locale);
  const warnings = new BlockWarnings(editor.workspace);
  const monitor = new MonitorPanel(byId('monitor'), { locale });
  const simulator = mountSimulator(byId('simulator'), editor.workspace, () => locale);
  const brokerNote = byId('broker-note');
  let brokerMessage: PendingMessage | null = null;

  restoreAutosave(editor, notice);

  // The MicroPython program as last generated, for USB upload and Wi-Fi sending.
  let microPython: BoardProgram | null = null;
  const uploadPanel = new UploadPanel(byId('upload-panel'), locale, () => microPython);

  const regenerate = (): void => {
    const blockWarnings = new Map<string, string>();
    for (const target of TARGETS) {
      const result = generateCode(editor.workspace, target, locale);
      codePanel.show(target, result);
      if (target === 'micropython') microPython = result.ok ? result.program : null;
      if (!result.ok && result.blockId !== undefined && !blockWarnings.has(result.blockId)) {
        blockWarnings.set(result.blockId, translatePending(result.message, locale));
      }
    }
    warnings.show(blockWarnings);
  };
  // One regeneration per burst of events (loading a file fires hundreds).
  let regenerateTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRegenerate = (): void => {
    clearTimeout(regenerateTimer);
    regenerateTimer = setTimeout(regenerate, 50);
  };

  const autosave = new Autosave(
    () => editor.save(),
    () => notice.show({ message: BOARD_MESSAGES.autosaveFailed }, 'error'),
  );
  editor.onProgramChange(() => {
    scheduleRegenerate();
    autosave.schedule();
  });
  regenerate();

  byId('save-file').addEventListener('click', () => {
    downloadText(SAVE_FILE_NAME, serializeWorkspace(editor.save()), 'application/json');
  });

  const fileInput = byId<HTMLInputElement>('open-file');
  // A real button (keyboard-focusable) opens the hidden file chooser.
  byId('open-button').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires `change` again.
    fileInput.value = '';
    if (file !== undefined) void openFile(file);
  });
  const openFile = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      notice.show(notOpened(file.name, { message: BOARD_MESSAGES.tooBig }), 'error');
      return;
    }
    const parsed = parseWorkspaceFile(await file.text(), (type) => editor.isKnownBlockType(type));
    if (!parsed.ok) {
      notice.show(notOpened(file.name, parsed.reason), 'error');
      return;
    }
    try {
      editor.load(parsed.state);
    } catch (error) {
      notice.show(notOpened(file.name, damaged(error)), 'error');
      return;
    }
    notice.show({ message: BOARD_MESSAGES.opened, params: { name: file.name } }, 'info');
  };
  // "Examples": the lesson pack's board programs, opened like a chosen file.
  const examples = new BoardExamplesMenu(byId('open-button'), locale, openFile, (problem) => notice.show(problem, 'error'));

  const renderBrokerNote = (): void => {
    brokerNote.hidden = brokerMessage === null;
    brokerNote.textContent = brokerMessage === null ? '' : translatePending(brokerMessage, locale);
  };

  const showLanguage = (): void => {
    applyPageTexts(BOARD_TEXT, BOARD_TEXT.pageTitle, locale);
    renderBrokerNote();
    switcher.show(locale);
  };
  const switcher = bindLanguageSwitch(byId('languages'), (chosen) => {
    if (chosen === locale) return;
    locale = chosen;
    rememberLocale(chosen);
    editor.setLocale(chosen);
    codePanel.setLocale(chosen);
    simulator.setLocale(chosen);
    notice.setLocale(chosen);
    monitor.setLocale(chosen);
    uploadPanel.setLocale(chosen);
    examples.setLocale(chosen);
    showLanguage();
    regenerate();
  });
  showLanguage();

  void fetchBoardBroker().then((broker) => {
    if (broker !== null) {
      editor.setBrokerUrl(broker.url);
      brokerMessage = { message: broker.lan ? BOARD_MESSAGES.brokerLan : BOARD_MESSAGES.brokerLocal, params: { url: broker.url } };
      renderBrokerNote();
    }
    if (broker?.lan === true) monitor.waitForSignIn();
    else monitor.start();
  });
}

start();
