/**
 * Entry of `dist/scratch-editor.js`, the glue of the classroom server's Scratch page (/scratch/):
 * the real Scratch 3 editor (prebuilt `@scratch/scratch-gui-standalone`) with the MQTT extension
 * built in and connected to this server's broker. When the editor files are not set up, the page
 * explains how to set them up and how to use TurboWarp meanwhile.
 */
import { onOneLine } from '../../i18n/terminal-text';
import { HOST_TEXT } from '../../scratch/host-text';
import { keepConnected } from './auto-connect';
import { BoardCodeView } from './board-code-view';
import { ExamplesMenu } from './examples-menu';
import { exposeHandle } from './expose-handle';
import { loadGuiScript } from './load-gui-script';
import { createOfflineStorage } from './offline-storage';
import { editorContainer, showEditor, showNotSetUp, showPageTexts, showProblem } from './page-status';
import { registerMqttExtension } from './register-extension';
import { fetchServerInfo } from '../common/server-info';

async function start(): Promise<void> {
  const info = await fetchServerInfo();
  if (!info.scratchEditor) {
    showNotSetUp();
    return;
  }
  const gui = await loadGuiScript();
  const storage = createOfflineStorage(gui);
  const state = new gui.EditorState({}, () => ({
    storage: {
      ...storage,
      // The menu offers "Save to your computer" only (canSave: false); there is no project server.
      saveProject: () => Promise.reject(new Error(onOneLine(HOST_TEXT.noProjectServer))),
    },
  }));
  const vm = state.store.getState().scratchGui.vm;
  // Registered before the editor renders, so the palette is built with the MQTT category in it.
  const extension = registerMqttExtension(vm, info.websocketUrl);
  // With --lan the broker wants the teacher's username and password, which pages are never told:
  // pupils type them into the "connect" block, so connecting without them would only show a refusal.
  if (!info.authRequired) {
    keepConnected(vm, extension, info.websocketUrl, (error) =>
      // Pupils see connection problems in the "connection error" reporter; this is for the teacher's console.
      console.warn(`MQTT: could not connect to ${info.websocketUrl}: ${error.message}`),
    );
  }
  exposeHandle({ vm, extension });
  // "Board code": the open project as main.py for a board, connecting to this server over TCP.
  new BoardCodeView(
    {
      projectJson: () => vm.toJSON(),
      projectName: () => state.store.getState().scratchGui.projectTitle ?? 'Scratch project',
      editorLocale: () => vm.getLocale(),
    },
    `mqtt://${info.tcp.host}:${info.tcp.port}`,
  );
  // "Examples": the lesson pack's projects, opened with one click.
  new ExamplesMenu({ loadProject: (project) => vm.loadProject(project), editorLocale: () => vm.getLocale() });

  const container = editorContainer();
  showEditor();
  gui.setAppElement(container);
  // Project id '0' is the GUI's "default project" (the cat), which our offline storage serves from memory.
  gui.createStandaloneRoot(state, container).render({ projectId: '0', canSave: false, canEditTitle: true, backpackVisible: false });
}

showPageTexts();
start().catch((error: Error) => showProblem(error));
