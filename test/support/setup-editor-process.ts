/**
 * `npm run setup:scratch-editor` as a real process, pointed at a test's folder and package instead
 * of vendor/ and the pinned Scratch editor (src/cli/setup-scratch-editor.ts differs only in those).
 * Run with `node --import tsx`; argv[2] is JSON: { editorRoot, integrity }.
 */
import { runScratchEditorSetup } from '../../src/cli/scratch-editor-setup';

const { editorRoot, integrity } = JSON.parse(process.argv[2] ?? '{}') as { editorRoot: string; integrity: string };

void runScratchEditorSetup({
  editorRoot,
  packageName: 'fake-scratch-gui',
  version: '2.0.0',
  integrity,
  bundle: 'scratch-gui-standalone.js',
  log: (line) => console.log(line),
}).then((code) => {
  process.exitCode = code;
});
