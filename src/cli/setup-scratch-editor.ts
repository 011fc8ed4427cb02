/**
 * `npm run setup:scratch-editor`: puts the prebuilt Scratch 3 editor where the classroom server
 * serves it (`vendor/scratch-gui/dist`), without making it an npm dependency. How, and why it is
 * not an npm dependency: scratch-editor-setup.ts.
 */
import path from 'node:path';
import { SCRATCH_GUI_BUNDLE, SCRATCH_GUI_INTEGRITY, SCRATCH_GUI_PACKAGE, SCRATCH_GUI_VERSION, vendorScratchGuiDir } from '../server/scratch-gui-files';
import { runScratchEditorSetup } from './scratch-editor-setup';

void runScratchEditorSetup({
  editorRoot: path.dirname(vendorScratchGuiDir()),
  packageName: SCRATCH_GUI_PACKAGE,
  version: SCRATCH_GUI_VERSION,
  integrity: SCRATCH_GUI_INTEGRITY,
  bundle: SCRATCH_GUI_BUNDLE,
  log: (line) => console.log(line),
}).then((code) => {
  process.exitCode = code;
});
